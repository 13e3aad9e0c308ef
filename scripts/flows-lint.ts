/**
 * Validate Amazon Connect flow JSON and `*.json.tftpl` templates.
 *
 *   npm run flows:lint -- <file|folder>... [--type T] [--json] [--rule id=error|warning|off]
 *
 * Exit 0: no errors (warnings allowed); 1: at least one error; 2: usage error.
 */
import { runCliProcess } from "./support/cli-args";
import { FLOWS_LINT_CLI, lintFiles } from "./support/flows-lint-cli";

runCliProcess(FLOWS_LINT_CLI, lintFiles);
