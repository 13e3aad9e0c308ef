/** `npm run check:cdktn -- --help`: see scripts/support/check-cdktn-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { CHECK_CDKTN_CLI, checkCdktnMain } from "./support/check-cdktn-cli";

runCliProcess(CHECK_CDKTN_CLI, checkCdktnMain);
