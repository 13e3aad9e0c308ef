/**
 * Write one runbook page per CloudWatch alarm of the dev and prod stacks to docs/runbooks/.
 *
 *   npm run runbooks             write the pages
 *   npm run runbooks -- --check  compare only: exit 1 when a committed page differs (what the test checks)
 */
import { runCliProcess } from "./support/cli-args";
import { RUNBOOKS_CLI, runbooks } from "./support/runbooks-cli";

runCliProcess(RUNBOOKS_CLI, (args, out) => runbooks(args, out));
