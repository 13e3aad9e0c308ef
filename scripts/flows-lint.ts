/**
 * Validate Amazon Connect flow JSON and `*.json.tftpl` templates.
 *
 *   npm run flows:lint -- <file|folder>... [--type T] [--json] [--rule id=error|warning|off]
 *
 * Exit 0: no errors (warnings allowed); 1: at least one error; 2: usage error.
 */
import { runFlowsLint } from "./support/flows-lint-cli";

process.exitCode = runFlowsLint(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
