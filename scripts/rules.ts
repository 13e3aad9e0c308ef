/** `npm run rules -- --help`: see scripts/support/rules-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { RULES_CLI, rulesMain } from "./support/rules-cli";

runCliProcess(RULES_CLI, rulesMain);
