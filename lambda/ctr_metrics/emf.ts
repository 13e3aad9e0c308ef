import type { QueueOutcome } from "./outcome";

/** Metric names the abandonment alarms read (constructs/observability CONTACT_RECORD_METRICS). */
export const CONTACT_METRIC_NAMES = { handled: "ContactsHandled", abandoned: "ContactsAbandoned" } as const;

export type CountedOutcome = Extract<QueueOutcome, { kind: "handled" | "abandoned" }>;

/**
 * One CloudWatch Embedded Metric Format document for one contact. Both counts are written (one 1,
 * one 0) so each period with any contact has a data point in both series: the alarm's
 * `abandoned / (abandoned + handled)` has no value where either series is missing.
 */
export function contactMetricLine(namespace: string, outcome: CountedOutcome, timestampMs: number): string {
  return JSON.stringify({
    _aws: {
      Timestamp: timestampMs,
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [["InstanceId", "QueueName"]],
          Metrics: [
            { Name: CONTACT_METRIC_NAMES.handled, Unit: "Count" },
            { Name: CONTACT_METRIC_NAMES.abandoned, Unit: "Count" },
          ],
        },
      ],
    },
    InstanceId: outcome.instanceId,
    QueueName: outcome.queueName,
    [CONTACT_METRIC_NAMES.handled]: outcome.kind === "handled" ? 1 : 0,
    [CONTACT_METRIC_NAMES.abandoned]: outcome.kind === "abandoned" ? 1 : 0,
    // A property, not a dimension: lets a data point be traced to its contact in Logs Insights.
    ContactId: outcome.contactId,
  });
}

/** Records skipped for good, by reason: `unreadable` (no usable contact record) or `unwritable`. */
export const SKIPPED_METRIC = "ContactRecordsSkipped";
export type SkipReason = "unreadable" | "unwritable";

/** One EMF document counting the records of one batch skipped for one reason. */
export function skippedMetricLine(
  namespace: string,
  reason: SkipReason,
  count: number,
  timestampMs: number,
): string {
  return JSON.stringify({
    _aws: {
      Timestamp: timestampMs,
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [["Reason"]],
          Metrics: [{ Name: SKIPPED_METRIC, Unit: "Count" }],
        },
      ],
    },
    Reason: reason,
    [SKIPPED_METRIC]: count,
  });
}
