/** `npm run dr:replicate -- --help`: see scripts/dr/replicate.ts and docs/disaster-recovery.md. */
import { runCliProcess } from "./support/cli-args";
import { REPLICATE_CLI, replicateMain, realDeps } from "./dr/cli";

runCliProcess(REPLICATE_CLI, replicateMain(realDeps()));
