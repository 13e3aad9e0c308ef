/** `npm run bench:synth -- --help`: see scripts/support/bench-synth-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { BENCH_SYNTH_CLI, benchSynthMain } from "./support/bench-synth-cli";

runCliProcess(BENCH_SYNTH_CLI, benchSynthMain);
