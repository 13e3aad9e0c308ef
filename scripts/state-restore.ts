/** `npm run state:restore -- --help`: see scripts/support/state-restore-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { STATE_RESTORE_CLI, stateRestoreMain } from "./support/state-restore-cli";

runCliProcess(STATE_RESTORE_CLI, stateRestoreMain);
