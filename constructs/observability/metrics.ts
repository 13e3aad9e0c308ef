import type { MetricSpec, Statistic } from "./types";

export const CONNECT_NAMESPACE = "AWS/Connect";
export const LAMBDA_NAMESPACE = "AWS/Lambda";

/**
 * Dimensions Amazon Connect publishes each metric we use with (Connect admin guide, "Monitoring
 * your instance using CloudWatch"). A query with any other dimension set matches nothing, so an
 * alarm on it never fires. Note there is no ContactsHandled / ContactsAbandoned / QueueWaitTime.
 */
export const CONNECT_METRIC_DIMENSIONS = {
  QueueSize: { MetricGroup: "Queue", perQueue: true },
  LongestQueueWaitTime: { MetricGroup: "Queue", perQueue: true },
  QueueCapacityExceededError: { MetricGroup: "Queue", perQueue: true },
  CallsPerInterval: { MetricGroup: "VoiceCalls", perQueue: false },
  ConcurrentCalls: { MetricGroup: "VoiceCalls", perQueue: false },
  ConcurrentCallsPercentage: { MetricGroup: "VoiceCalls", perQueue: false },
  MissedCalls: { MetricGroup: "VoiceCalls", perQueue: false },
  ThrottledCalls: { MetricGroup: "VoiceCalls", perQueue: false },
} as const;

export type ConnectMetricName = keyof typeof CONNECT_METRIC_DIMENSIONS;

/** An AWS/Connect metric with exactly the dimensions Connect publishes it with. */
export function connectMetric(
  metricName: ConnectMetricName,
  statistic: Statistic,
  instanceId: string,
  queueName?: string,
  periodSeconds = 300,
): MetricSpec {
  const spec = CONNECT_METRIC_DIMENSIONS[metricName];
  if (spec.perQueue && queueName === undefined) {
    throw new Error(`connectMetric: ${metricName} is published per queue: pass the queue name`);
  }
  if (!spec.perQueue && queueName !== undefined) {
    throw new Error(`connectMetric: ${metricName} is published per instance: do not pass a queue name`);
  }
  const dimensions: Record<string, string> = { InstanceId: instanceId, MetricGroup: spec.MetricGroup };
  if (queueName !== undefined) dimensions.QueueName = queueName;
  return { namespace: CONNECT_NAMESPACE, metricName, statistic, periodSeconds, dimensions };
}

export function lambdaMetric(
  metricName: "Errors" | "Invocations" | "Duration" | "Throttles" | "IteratorAge",
  statistic: Statistic,
  functionName: string,
  periodSeconds = 300,
): MetricSpec {
  return {
    namespace: LAMBDA_NAMESPACE,
    metricName,
    statistic,
    periodSeconds,
    dimensions: { FunctionName: functionName },
  };
}

/**
 * AI metrics the code-hook Lambda publishes (EMF) to `observability.aiMetricsNamespace`, without
 * dimensions, as the original bedrock_mcp Lambda did. The Lambda must emit exactly these names.
 */
export const AI_METRICS = {
  hallucinationDetectionRate: "HallucinationDetectionRate",
  validationSuccessRate: "ValidationSuccessRate",
  validationLatency: "ValidationLatency",
  validationTimeouts: "ValidationTimeouts",
  bedrockApiErrors: "BedrockAPIErrors",
  conversationDuration: "ConversationDuration",
  conversationTurns: "ConversationTurns",
  toolInvocations: "ToolInvocations",
  handoverRate: "HandoverRate",
} as const;

/**
 * Per-queue counts derived from contact records (Kinesis CTR stream) and published to
 * `observability.contactMetricsNamespace` with dimensions InstanceId and QueueName, one data point
 * per contact. Connect does not publish abandonment to CloudWatch; this is the contract for the
 * contact-record consumer that does.
 */
export const CONTACT_RECORD_METRICS = {
  handled: "ContactsHandled",
  abandoned: "ContactsAbandoned",
} as const;

export function contactRecordMetric(
  namespace: string,
  metricName: (typeof CONTACT_RECORD_METRICS)[keyof typeof CONTACT_RECORD_METRICS],
  instanceId: string,
  queueName: string,
  periodSeconds = 300,
): MetricSpec {
  return {
    namespace,
    metricName,
    statistic: "Sum",
    periodSeconds,
    dimensions: { InstanceId: instanceId, QueueName: queueName },
  };
}

/**
 * Contact records the consumer skipped for good (never retried), counted per `Reason` alone:
 * `unreadable` (no usable contact record) or `unwritable` (the counted-contacts table refused the
 * item). lambda/ctr_metrics (emf.ts) writes them; each is a contact missing from the abandonment rates.
 */
export const CONTACT_RECORDS_SKIPPED = {
  metricName: "ContactRecordsSkipped",
  reasons: ["unreadable", "unwritable"],
} as const;
