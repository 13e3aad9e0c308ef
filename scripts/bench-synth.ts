/**
 * `npm run bench:synth [-- --runs N]`: wall time and peak RSS of a full synth, against a bare
 * `node -e 0` baseline, each run in a fresh process as users run it.
 * Budget on the 2-core machine: median ≤ 8 s, peak RSS ≤ 1.5 GB.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const BUDGET_SECONDS = 8;
const BUDGET_RSS_MB = 1536;

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
  const baseline = measure("node -e 0", ["-e", "0"], runs);
  const synth = measure("synth", ["--import", "tsx", "main.ts"], runs);
  const rows = [
    ["", "median wall s", "peak RSS MB"],
    ["node -e 0", baseline.time.toFixed(2), baseline.rss.toFixed(0)],
    ["synth (whole stack)", synth.time.toFixed(2), synth.rss.toFixed(0)],
    ["budget", String(BUDGET_SECONDS), String(BUDGET_RSS_MB)],
  ];
  for (const row of rows)
    process.stdout.write(`${row[0].padEnd(22)}${row[1].padStart(14)}${row[2].padStart(14)}\n`);
  const within = synth.time <= BUDGET_SECONDS && synth.rss <= BUDGET_RSS_MB;
  process.stdout.write(within ? "within budget\n" : "OVER BUDGET\n");
  process.exit(within ? 0 : 1);
}

main();
