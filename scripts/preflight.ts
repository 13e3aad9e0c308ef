/** `npm run preflight -- --help`: see scripts/support/preflight-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { PREFLIGHT_CLI, preflightMain } from "./support/preflight-cli";

runCliProcess(PREFLIGHT_CLI, preflightMain);
