/**
 * `npm run bench:synth [-- --runs N] [--cli]`: wall time and peak RSS of a full synth (`npm run synth`'s
 * command, from the compiled app bundle and the Lambda bundle cache), against a bare `node -e 0`,
 * each run in a fresh process as users run it. One untimed warm-up run first brings both caches up
 * to date, as the first synth after an edit would.
 * Budget on the 2-core machine: median ≤ 2.5 s, peak RSS ≤ 250 MB, ≤ 20× a bare Node start.
 * `--cli` adds `cdktf synth` (the CLI users run), which spawns the same launcher: no budget, its
 * own start-up is the overhead reported.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const BUDGET_SECONDS = 2.5;
const BUDGET_RSS_MB = 250;
const BUDGET_RATIO = 20;
const SYNTH = ["scripts/run-app.cjs"];

interface Sample {
  readonly seconds: number;
  readonly rssMb: number;
}

function runOnce(args: readonly string[]): Sample {
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ["--require", resolve(__dirname, "support/report-max-rss.cjs"), ...args],
    {
      cwd: resolve(__dirname, ".."),
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(label: string, args: readonly string[], runs: number): { time: number; rss: number } {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(runOnce(args));
    process.stderr.write(`  ${label}: run ${i + 1}/${runs} ${samples[i].seconds.toFixed(2)} s\n`);
  }
  return { time: median(samples.map((s) => s.seconds)), rss: Math.max(...samples.map((s) => s.rssMb)) };
}

function main(): void {
  const runsFlag = process.argv.indexOf("--runs");
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write("bench:synth: --runs expects a whole number above 0\n");
    process.exit(2);
  }
  runOnce(SYNTH);
  const baseline = measure("node -e 0", ["-e", "0"], runs);
  const synth = measure("synth", SYNTH, runs);
  const ratio = synth.time / baseline.time;
  const rows = [
    ["", "median wall s", "peak RSS MB", "× node -e 0"],
    ["node -e 0", baseline.time.toFixed(2), baseline.rss.toFixed(0), "1"],
    ["synth (whole stack)", synth.time.toFixed(2), synth.rss.toFixed(0), ratio.toFixed(1)],
  ];
  if (process.argv.includes("--cli")) {
    // The CLI spawns the same launcher; its own start-up is the overhead (RSS is the CLI process's).
    const cli = measure("cdktf synth", [require.resolve("cdktf-cli/bundle/bin/cdktf"), "synth"], runs);
    rows.push([
      "cdktf synth (CLI)",
      cli.time.toFixed(2),
      cli.rss.toFixed(0),
      (cli.time / baseline.time).toFixed(1),
    ]);
  }
  rows.push(["budget (npm run synth)", String(BUDGET_SECONDS), String(BUDGET_RSS_MB), String(BUDGET_RATIO)]);
  for (const row of rows)
    process.stdout.write(
      `${row[0].padEnd(22)}${row[1].padStart(14)}${row[2].padStart(14)}${row[3].padStart(14)}\n`,
    );
  const within = synth.time <= BUDGET_SECONDS && synth.rss <= BUDGET_RSS_MB && ratio <= BUDGET_RATIO;
  process.stdout.write(within ? "within budget\n" : "OVER BUDGET\n");
  process.exit(within ? 0 : 1);
}

main();
