/** `npm run dr:status -- --help`: see scripts/dr/status.ts and docs/disaster-recovery.md. */
import { runCliProcess } from "./support/cli-args";
import { STATUS_CLI, statusMain, realDeps } from "./dr/cli";

runCliProcess(STATUS_CLI, statusMain(realDeps()));
