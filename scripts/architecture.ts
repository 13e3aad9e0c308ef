/**
 * Write docs/architecture.md: the AWS services of the synthesized prod stack and the data paths
 * between them, derived from the resources and their references.
 *
 *   npm run architecture             write the page
 *   npm run architecture -- --check  compare only: exit 1 when the committed page differs (what the test checks)
 */
import { ARCHITECTURE_CLI, architecture } from "./support/architecture-cli";
import { runCliProcess } from "./support/cli-args";

runCliProcess(ARCHITECTURE_CLI, (args, out) => architecture(args, out));
