/** `npm run plan -- --help`: see scripts/support/plan-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { PLAN_CLI, planMain } from "./support/plan-cli";

runCliProcess(PLAN_CLI, planMain);
