import { logSummary, quietly } from "../../scripts/support/bench-output";
import { loggedRecords } from "../support/quiet-output";
import {
  budgetLine,
  formatVerdict,
  judge,
  judgeRatio,
  median,
  medianInterval,
  percentile,
} from "../../scripts/support/bench-stats";
import { BENCH_LAMBDA_CLI, benchLambdaMain } from "../../scripts/support/bench-lambda-cli";
import { BENCH_SYNTH_CLI, benchSynthMain } from "../../scripts/support/bench-synth-cli";
import { CHECK_CDKTN_CLI, checkCdktnMain } from "../../scripts/support/check-cdktn-cli";
import { runCaptured, type CliRun } from "../support/run-cli";

describe("bench statistics", () => {
  it("percentiles are samples, so a duration percentile is never negative", () => {
    const turns = [0.2, 0.3, 0.3, 0.4, 9.9, 0.25, 0.31];
    const sorted = [...turns].sort((a, b) => a - b);
    for (const p of [0, 1, 50, 90, 99, 100]) {
      expect(turns).toContain(percentile(sorted, p));
      expect(percentile(sorted, p)).toBeGreaterThanOrEqual(0);
    }
    expect(percentile(sorted, 50)).toBe(0.3);
    expect(percentile(sorted, 99)).toBe(9.9);
    expect(() => percentile([], 50)).toThrow("percentile of no samples");
  });

  it("widens the median's interval to the whole range when there are few samples, narrows it with more", () => {
    expect(medianInterval([3, 1, 2, 5, 4, 9, 7])).toStrictEqual({ low: 1, high: 9 });
    const many = Array.from({ length: 21 }, (_, i) => i + 1);
    expect(medianInterval(many)).toStrictEqual({ low: 6, high: 16 });
    expect(median(many)).toBe(11);
  });

  it("judges on the median: one slow run among seven does not cross the limit", () => {
    const runs = [2.1, 2.2, 2.15, 2.25, 2.2, 2.18, 6.4];
    const v = judge("synth wall time", "s", runs, 2.5);
    expect(v).toMatchObject({ median: 2.2, over: false, undecided: true });
    expect(formatVerdict(v)).toBe(
      "synth wall time: median 2.20 s (95% interval 2.10-6.40 s), limit 2.50 s: ok (the limit is inside the interval: within this machine's noise)",
    );
  });

  it("names each limit the medians cross, and says within budget otherwise", () => {
    const wall = judge("synth wall time", "s", [2.7, 2.8, 2.75, 2.9, 2.72, 2.71, 2.8], 2.5);
    const rss = judge("synth peak RSS", "MB", [180, 181, 179, 182, 180, 180, 181], 250);
    const ratio = judgeRatio("synth / node -e 0", [2.7, 2.8, 2.75], [0.05, 0.05, 0.06], 20);
    expect(wall).toMatchObject({ over: true, undecided: false });
    expect(budgetLine([wall, rss, ratio], 7)).toBe(
      "OVER BUDGET (medians of 7 runs): synth wall time 2.75 s > 2.50 s; synth / node -e 0 55.0× > 20.0×",
    );
    expect(budgetLine([rss], 7)).toBe("within budget (medians of 7 runs)");
  });
});

describe("bench output", () => {
  it("counts the handler's log records while timing instead of printing them, one line for the unexpected ones", async () => {
    const { value, records } = await quietly(async () => {
      for (let i = 0; i < 3; i++)
        process.stderr.write('{"level":"WARN","message":"Lex event repaired","service":"lex-fallback"}\n');
      process.stdout.write('{"level":"INFO","message":"callback queued"}\n');
      process.stdout.write('{"_aws":{"Timestamp":1},"Turns":1}\n');
      return 42;
    });
    // Nothing reached the streams below (where the jest setup would have caught it).
    expect(loggedRecords()).toStrictEqual([]);
    expect(value).toBe(42);
    expect(records.map((r) => r["message"])).toStrictEqual([
      "Lex event repaired",
      "Lex event repaired",
      "Lex event repaired",
      "callback queued",
    ]);
    expect(logSummary("warm turns", records)).toBe(
      "warm turns: 3 unexpected log record(s): 3× WARN Lex event repaired",
    );
    expect(logSummary("warm turns", records.slice(3))).toBeUndefined();
  });
});

describe("bench:synth, bench:lambda and check:cdktn refuse nonsense before any work (exit 2, one line)", () => {
  it.each<[string, () => Promise<CliRun>, string]>([
    [
      "bench:synth --runs 0",
      () => runCaptured(BENCH_SYNTH_CLI, benchSynthMain, ["--runs", "0"]),
      'bench:synth: --runs "0" is not a whole number from 1 to 1000',
    ],
    [
      "bench:synth --runs",
      () => runCaptured(BENCH_SYNTH_CLI, benchSynthMain, ["--runs"]),
      "bench:synth: --runs needs a value",
    ],
    [
      "bench:lambda --quick",
      () => runCaptured(BENCH_LAMBDA_CLI, benchLambdaMain, ["--quick"]),
      "bench:lambda: unknown flag --quick (flags: --help)",
    ],
    [
      "check:cdktn --env dev,stage",
      () => runCaptured(CHECK_CDKTN_CLI, checkCdktnMain, ["--env", "dev,stage"]),
      'check:cdktn: --env: no environment "stage" (environments: dev, prod)',
    ],
  ])("%s", async (_name, run, line) => {
    expect(await run()).toStrictEqual({ code: 2, stdout: "", stderr: `${line}\n` });
  });
});
