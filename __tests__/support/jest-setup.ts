/**
 * Runs before every test file (jest.config.js setupFilesAfterEnv): the structured logs of the code
 * under test are captured for assertions, not printed (quiet-output.ts).
 */
import { clearCapturedLines, installQuietOutput } from "./quiet-output";

// The SDK's notice that its 2027 releases need Node 22 was printed once per test file that loads
// a client (12 times a run). The Node versions the project supports are package.json's engines.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

installQuietOutput();
beforeEach(clearCapturedLines);
