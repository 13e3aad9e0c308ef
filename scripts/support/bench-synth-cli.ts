/**
 * `npm run bench:synth [-- --runs N] [--cli]`: wall time and peak RSS of a full synth (`npm run synth`'s
 * command, from the compiled app bundle and the Lambda bundle cache), against a bare `node -e 0`,
 * each run in a fresh process as users run it. One untimed warm-up run first brings both caches up
 * to date, as the first synth after an edit would. Synth and `node -e 0` runs alternate, so a burst
 * of load on the shared machine weighs on both.
 * Budget on the 2-core machine, judged on medians: wall time ≤ 2.5 s, peak RSS ≤ 250 MB, ≤ 20× a bare
 * Node start. Without --runs it runs at least 7 pairs and goes on (up to 21) while a limit lies
 * inside the 95% interval of its median, so the verdict is the code's, not one noisy run's.
 * `--cli` adds `cdktf synth` (the BENCH_SYNTH_CLI users run), which spawns the same launcher: no budget, its
 * own start-up is the overhead reported.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { budgetLine, formatVerdict, judge, judgeRatio, median, type Verdict } from "./bench-stats";
import { wholeNumberFlag, type CliOutput, type ParsedCli } from "./cli-args";

/** The limits, by the name every verdict prints. */
export const SYNTH_BUDGET = { wallSeconds: 2.5, peakRssMb: 250, timesNodeStart: 20 } as const;
const MIN_RUNS = 7;
const MAX_RUNS = 21;
const SYNTH = ["scripts/run-app.cjs"];

export const BENCH_SYNTH_CLI = {
  name: "bench:synth",
  summary: `Median wall time and peak RSS of a full synth against node -e 0; budget ${SYNTH_BUDGET.wallSeconds} s, ${SYNTH_BUDGET.peakRssMb} MB, ${SYNTH_BUDGET.timesNodeStart}×. Exit 1 over budget.`,
  flags: {
    runs: {
      type: "string",
      value: "N",
      help: `exactly N timed runs of each (default: ${MIN_RUNS}, more up to ${MAX_RUNS} while a verdict is within the noise)`,
    },
    cli: { type: "boolean", help: "also time cdktf synth (no budget)" },
  },
} as const;

interface Sample {
  readonly seconds: number;
  readonly rssMb: number;
}

function runOnce(args: readonly string[]): Sample {
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ["--require", resolve(__dirname, "report-max-rss.cjs"), ...args],
    {
      cwd: resolve(__dirname, "../.."),
      stdio: ["ignore", "ignore", "pipe", "pipe"],
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) {
    throw new Error(
      `node ${args.join(" ")} exited ${child.status}: ${String(child.stderr).trim().split("\n").slice(-5).join("\n")}`,
    );
  }
  const rssKb = Number(String(child.output[3] ?? "").trim());
  return { seconds, rssMb: rssKb / 1024 };
}

function verdicts(synth: readonly Sample[], node: readonly Sample[]): Verdict[] {
  return [
    judge(
      "synth wall time",
      "s",
      synth.map((s) => s.seconds),
      SYNTH_BUDGET.wallSeconds,
    ),
    judge(
      "synth peak RSS",
      "MB",
      synth.map((s) => s.rssMb),
      SYNTH_BUDGET.peakRssMb,
    ),
    judgeRatio(
      "synth / node -e 0",
      synth.map((s) => s.seconds),
      node.map((s) => s.seconds),
      SYNTH_BUDGET.timesNodeStart,
    ),
  ];
}

export function benchSynthMain({ flags }: ParsedCli<typeof BENCH_SYNTH_CLI.flags>, out: CliOutput): number {
  const fixed = flags.runs === undefined ? undefined : wholeNumberFlag("runs", flags.runs, MIN_RUNS, 1, 1000);
  runOnce(SYNTH);
  const node: Sample[] = [];
  const synth: Sample[] = [];
  const enough = () =>
    fixed !== undefined
      ? synth.length >= fixed
      : synth.length >= MAX_RUNS ||
        (synth.length >= MIN_RUNS && !verdicts(synth, node).some((v) => v.undecided));
  while (!enough()) {
    node.push(runOnce(["-e", "0"]));
    synth.push(runOnce(SYNTH));
    process.stderr.write(
      `  run ${synth.length}: synth ${synth.at(-1)!.seconds.toFixed(2)} s, node -e 0 ${node.at(-1)!.seconds.toFixed(3)} s\n`,
    );
  }
  const rows = [
    ["", "median wall s", "median RSS MB"],
    ["node -e 0", median(node.map((s) => s.seconds)).toFixed(3), median(node.map((s) => s.rssMb)).toFixed(0)],
    [
      "synth (whole stack)",
      median(synth.map((s) => s.seconds)).toFixed(2),
      median(synth.map((s) => s.rssMb)).toFixed(0),
    ],
  ];
  if (flags.cli) {
    // The BENCH_SYNTH_CLI spawns the same launcher; its own start-up is the overhead (RSS is the BENCH_SYNTH_CLI process's).
    const cli = Array.from({ length: synth.length }, () =>
      runOnce([require.resolve("cdktf-cli/bundle/bin/cdktf"), "synth"]),
    );
    rows.push([
      "cdktf synth (BENCH_SYNTH_CLI)",
      median(cli.map((s) => s.seconds)).toFixed(2),
      median(cli.map((s) => s.rssMb)).toFixed(0),
    ]);
  }
  for (const row of rows) out.stdout(`${row[0]!.padEnd(22)}${row[1]!.padStart(14)}${row[2]!.padStart(14)}\n`);
  const judged = verdicts(synth, node);
  for (const v of judged) out.stdout(`${formatVerdict(v)}\n`);
  out.stdout(`${budgetLine(judged, synth.length)}\n`);
  return judged.some((v) => v.over) ? 1 : 0;
}
