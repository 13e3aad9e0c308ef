/** `npm run bench:lambda -- --help`: see scripts/support/bench-lambda-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { BENCH_LAMBDA_CLI, benchLambdaMain } from "./support/bench-lambda-cli";

runCliProcess(BENCH_LAMBDA_CLI, benchLambdaMain);
