/**
 * The statistics the benches judge by. Every figure printed is a sample or a median of samples, so
 * a duration can never come out negative; verdicts are on medians with a distribution-free
 * confidence interval, so one slow run on a shared 2-core machine cannot flip them.
 */

/** Nearest-rank percentile (p in 0-100) of ascending samples: always one of the samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of no samples");
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no samples");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** P(X <= k) for X ~ Binomial(n, 1/2). */
function binomialHalfCdf(n: number, k: number): number {
  let term = 0.5 ** n; // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

/**
 * Confidence interval of the median from order statistics (no assumption about the distribution):
 * [x(k), x(n+1-k)] with the largest k whose two tails hold at most 1 - confidence. With too few
 * samples for the confidence asked, the whole range.
 */
export function medianInterval(values: readonly number[], confidence = 0.95): { low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) throw new Error("interval of no samples");
  let k = 1;
  while (k + 1 <= n / 2 && 2 * binomialHalfCdf(n, k) <= 1 - confidence) k++;
  return { low: sorted[k - 1]!, high: sorted[n - k]! };
}

/** A measure judged against its limit (lower is better). */
export interface Verdict {
  /** What is measured, as printed: "synth wall time". */
  readonly measure: string;
  readonly unit: string;
  readonly median: number;
  readonly low: number;
  readonly high: number;
  readonly limit: number;
  /** The median is over the limit. */
  readonly over: boolean;
  /** The limit lies inside the interval of the median: more runs could still move the verdict. */
  readonly undecided: boolean;
}

export function judge(measure: string, unit: string, samples: readonly number[], limit: number): Verdict {
  const { low, high } = medianInterval(samples);
  const mid = median(samples);
  return {
    measure,
    unit,
    median: mid,
    low,
    high,
    limit,
    over: mid > limit,
    undecided: low <= limit && limit < high,
  };
}

/**
 * Judged on a ratio of two medians (e.g. synth time over a bare `node -e 0`); its interval is the
 * widest the two intervals allow.
 */
export function judgeRatio(
  measure: string,
  over: readonly number[],
  under: readonly number[],
  limit: number,
): Verdict {
  const top = medianInterval(over);
  const bottom = medianInterval(under);
  const mid = median(over) / median(under);
  const low = top.low / bottom.high;
  const high = top.high / bottom.low;
  return {
    measure,
    unit: "×",
    median: mid,
    low,
    high,
    limit,
    over: mid > limit,
    undecided: low <= limit && limit < high,
  };
}

/** A value as printed: ratios to one decimal, others to two below 10; the unit when asked. */
function figure(value: number, unit: string, withUnit = true): string {
  const digits = unit === "×" ? value.toFixed(1) : value < 10 ? value.toFixed(2) : value.toFixed(0);
  if (!withUnit) return digits;
  return unit === "×" ? `${digits}×` : `${digits} ${unit}`;
}

/** One line: `synth wall time: median 2.31 s (95% interval 2.20-2.45 s), limit 2.5 s: ok`. */
export function formatVerdict(v: Verdict): string {
  const state = v.over ? "OVER" : "ok";
  const noise = v.undecided ? " (the limit is inside the interval: within this machine's noise)" : "";
  const interval = `${figure(v.low, v.unit, false)}-${figure(v.high, v.unit)}`;
  return `${v.measure}: median ${figure(v.median, v.unit)} (95% interval ${interval}), limit ${figure(v.limit, v.unit)}: ${state}${noise}`;
}

/** The closing line: which limits the medians cross, by name, or that all hold. */
export function budgetLine(verdicts: readonly Verdict[], runs: number): string {
  const crossed = verdicts.filter((v) => v.over);
  if (crossed.length === 0) return `within budget (medians of ${runs} runs)`;
  return `OVER BUDGET (medians of ${runs} runs): ${crossed
    .map((v) => `${v.measure} ${figure(v.median, v.unit)} > ${figure(v.limit, v.unit)}`)
    .join("; ")}`;
}
