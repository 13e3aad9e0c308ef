/** `npm run dr:failover -- --help`: see scripts/dr/failover.ts and docs/disaster-recovery.md. */
import { runCliProcess } from "./support/cli-args";
import { FAILOVER_CLI, failoverMain, realDeps } from "./dr/cli";

runCliProcess(FAILOVER_CLI, failoverMain(realDeps()));
