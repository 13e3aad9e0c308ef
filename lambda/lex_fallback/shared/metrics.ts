import { isTaskCancelledError } from "cockatiel";
import { OUTPUT_ATTRIBUTES } from "../contract";
import type { LexResponse } from "../lex/response";
import type { MetricLog } from "../ports";
import { BudgetExceededError, GuardrailInterventionError } from "./errors";

/**
 * AI metrics this Lambda publishes, without dimensions, as the original bedrock_mcp did; the names
 * are the contract with the alarms and dashboard (constructs/observability AI_METRICS).
 */
export const AI_METRIC_NAMES = {
  bedrockApiErrors: "BedrockAPIErrors",
  validationTimeouts: "ValidationTimeouts",
  hallucinationDetectionRate: "HallucinationDetectionRate",
  validationSuccessRate: "ValidationSuccessRate",
  handoverRate: "HandoverRate",
} as const;

type AiMetricName = (typeof AI_METRIC_NAMES)[keyof typeof AI_METRIC_NAMES];
export type AiMetricValues = Partial<Record<AiMetricName, number>>;

/** Counts are summed by the alarms; rates are 0 or 100 per event, so their Average is a percentage. */
const UNITS: Readonly<Record<AiMetricName, "Count" | "Percent">> = {
  BedrockAPIErrors: "Count",
  ValidationTimeouts: "Count",
  HallucinationDetectionRate: "Percent",
  ValidationSuccessRate: "Percent",
  HandoverRate: "Percent",
};

/** One CloudWatch Embedded Metric Format document (no dimensions). */
export function aiMetricLine(namespace: string, values: AiMetricValues, timestampMs: number): string {
  const names = Object.keys(values) as AiMetricName[];
  return JSON.stringify({
    _aws: {
      Timestamp: timestampMs,
      CloudWatchMetrics: [
        { Namespace: namespace, Dimensions: [[]], Metrics: names.map((n) => ({ Name: n, Unit: UNITS[n] })) },
      ],
    },
    ...values,
  });
}

/**
 * The function's metric log: one line straight to stdout. With the JSON log format the runtime
 * wraps console.* output in its own object, and CloudWatch only extracts a top-level EMF document.
 */
export const STDOUT_METRICS: MetricLog = {
  write: (emfDocument) => void process.stdout.write(`${emfDocument}\n`),
};

export function emitAiMetrics(log: MetricLog, namespace: string, values: AiMetricValues): void {
  if (Object.keys(values).length === 0) return;
  log.write(aiMetricLine(namespace, values, Date.now()));
}

/**
 * What one Converse call says about the model path. The guardrail is the answer validation of
 * this stack (the original ran a validation agent): a block counts as a failed validation and
 * feeds the hallucination-rate alarms. A timeout is not also an API error, so no failure counts twice.
 */
export function llmMetrics(error?: unknown): AiMetricValues {
  if (error === undefined) return { HallucinationDetectionRate: 0, ValidationSuccessRate: 100 };
  if (error instanceof GuardrailInterventionError)
    return { HallucinationDetectionRate: 100, ValidationSuccessRate: 0 };
  if (isTaskCancelledError(error) || error instanceof BudgetExceededError || isTimeout(error))
    return { ValidationTimeouts: 1 };
  return { BedrockAPIErrors: 1 };
}

/** SDK request timeouts and aborts, by name (they cross package boundaries, so no instanceof). */
function isTimeout(error: unknown): boolean {
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === "TimeoutError" || name === "AbortError";
}

/**
 * A Lex conversation ends when the code hook closes it; the flow then transfers the contact if
 * `escalate` is "true". One data point per closed conversation, so the Average is the handover rate.
 */
export function handoverMetrics(response: LexResponse): AiMetricValues {
  if (response.sessionState.dialogAction.type !== "Close") return {};
  return {
    HandoverRate: response.sessionState.sessionAttributes[OUTPUT_ATTRIBUTES.escalate] === "true" ? 100 : 0,
  };
}

/** Insight records the AI reporting stream did not take (retried later) or that were dropped (lost). */
export const INSIGHT_METRIC_NAMES = {
  failed: "AiInsightRecordsFailed",
  dropped: "AiInsightRecordsDropped",
} as const;

export function emitInsightDelivery(
  log: MetricLog,
  namespace: string,
  counts: { failed: number; dropped: number },
): void {
  const metrics = [
    ...(counts.failed > 0 ? [{ Name: INSIGHT_METRIC_NAMES.failed, Unit: "Count" }] : []),
    ...(counts.dropped > 0 ? [{ Name: INSIGHT_METRIC_NAMES.dropped, Unit: "Count" }] : []),
  ];
  if (metrics.length === 0) return;
  const line = JSON.stringify({
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [[]], Metrics: metrics }],
    },
    [INSIGHT_METRIC_NAMES.failed]: counts.failed,
    [INSIGHT_METRIC_NAMES.dropped]: counts.dropped,
  });
  log.write(line);
}
