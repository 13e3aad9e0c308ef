/** `npm run smoke -- --help`: see scripts/support/smoke-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { SMOKE_CLI, smokeMain } from "./support/smoke-cli";

runCliProcess(SMOKE_CLI, smokeMain);
