import type { ObservabilityConfig } from "../../config/schema";
import { toTerraformName } from "../core/addresses";
import {
  AI_METRICS,
  connectMetric,
  CONTACT_RECORD_METRICS,
  contactRecordMetric,
  lambdaMetric,
} from "./metrics";
import type { AlarmDefinition, AlarmRoute } from "./types";

/** What the alarm table is computed from. */
export interface AlarmInputs {
  readonly config: ObservabilityConfig;
  /** Connect instance id (not ARN): the InstanceId dimension. */
  readonly instanceId: string;
  /** Every customer queue's Connect name; each gets size, wait and abandonment alarms. */
  readonly queueNames: readonly string[];
  /** The queue whose alarms keep the original addresses (`queue_size`, ...). */
  readonly primaryQueueName: string;
  /** The fraud queue: its alarms use the fraud thresholds and also notify the fraud topic. */
  readonly fraudQueueName: string;
  /** Function name of the Lex code-hook Lambda. */
  readonly lexFallbackFunctionName: string;
  /** Log-derived counts of fraud alerts and audit events the Lambda failed to deliver. */
  readonly deliveryFailures?: DeliveryFailureMetrics;
}

/**
 * Metrics the code-hook Lambda's log metric filters publish (one data point per failure, 0
 * otherwise): `LexFallbackLambda.deliveryFailureMetrics` and `LEX_FALLBACK_METRIC_NAMESPACE`.
 */
export interface DeliveryFailureMetrics {
  readonly namespace: string;
  /** A fraud report that reached no one. */
  readonly fraudAlertUndelivered: string;
  /** An authentication / fraud event missing from the audit table. */
  readonly securityEventUnwritten: string;
}

const FIVE_MINUTES = 300;

/**
 * Every alarm of the contact centre, one row each. The eight alarms of the original keep their
 * Terraform names; the guide's `lambda_error_rate` and `queue_wait_time` collide with the
 * original's names, so the original's address wins and the guide's absolute error count becomes
 * `lambda_errors`, while the guide's wait alarm is the original's (LongestQueueWaitTime: Connect
 * has no QueueWaitTime metric).
 */
export function alarmDefinitions(inputs: AlarmInputs): AlarmDefinition[] {
  const t = inputs.config.thresholds;
  const ai = inputs.config.aiMetricsNamespace;
  const fn = inputs.lexFallbackFunctionName;
  const ops: AlarmRoute[] = ["operations"];

  const definitions: AlarmDefinition[] = [
    {
      address: "hallucination_rate_high",
      nameSuffix: "hallucination-rate-high",
      description: `Hallucination detection rate above ${t.hallucinationRateHighPercent}% over 5 minutes`,
      routes: ops,
      source: {
        metric: {
          namespace: ai,
          metricName: AI_METRICS.hallucinationDetectionRate,
          statistic: "Average",
          periodSeconds: FIVE_MINUTES,
        },
      },
      comparison: "GreaterThanThreshold",
      threshold: t.hallucinationRateHighPercent,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
    },
    {
      address: "hallucination_rate_medium",
      nameSuffix: "hallucination-rate-medium",
      description: `Hallucination detection rate above ${t.hallucinationRateMediumPercent}% over 15 minutes`,
      routes: ops,
      source: {
        metric: {
          namespace: ai,
          metricName: AI_METRICS.hallucinationDetectionRate,
          statistic: "Average",
          periodSeconds: 900,
        },
      },
      comparison: "GreaterThanThreshold",
      threshold: t.hallucinationRateMediumPercent,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
    },
    {
      address: "lambda_error_rate",
      nameSuffix: "lambda-error-rate",
      description: `Lex code-hook Lambda errors above ${t.lambdaErrorRatePercent}% of invocations over 5 minutes`,
      routes: ops,
      source: {
        math: {
          // IF guards the division: no invocations is no error rate, not a NaN.
          expression: "IF(invocations > 0, 100 * errors / invocations, 0)",
          label: "Error rate (%)",
          metrics: {
            errors: lambdaMetric("Errors", "Sum", fn),
            invocations: lambdaMetric("Invocations", "Sum", fn),
          },
        },
      },
      comparison: "GreaterThanThreshold",
      threshold: t.lambdaErrorRatePercent,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
    },
    {
      address: "lambda_errors",
      nameSuffix: "lambda-high-errors",
      description: `Lex code-hook Lambda more than ${t.lambdaErrors} errors in each of two 5-minute periods`,
      routes: ops,
      source: { metric: lambdaMetric("Errors", "Sum", fn) },
      comparison: "GreaterThanThreshold",
      threshold: t.lambdaErrors,
      evaluationPeriods: 2,
      treatMissingData: "notBreaching",
    },
    {
      address: "bedrock_api_errors",
      nameSuffix: "bedrock-api-errors",
      description: `Bedrock API errors above ${t.bedrockApiErrors} per hour`,
      routes: ops,
      source: {
        metric: {
          namespace: ai,
          metricName: AI_METRICS.bedrockApiErrors,
          statistic: "Sum",
          periodSeconds: 3600,
        },
      },
      comparison: "GreaterThanThreshold",
      threshold: t.bedrockApiErrors,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
    },
    {
      address: "validation_timeouts",
      nameSuffix: "validation-timeouts",
      description: `Answer validation timeouts above ${t.validationTimeouts} per hour`,
      routes: ops,
      source: {
        metric: {
          namespace: ai,
          metricName: AI_METRICS.validationTimeouts,
          statistic: "Sum",
          periodSeconds: 3600,
        },
      },
      comparison: "GreaterThanThreshold",
      threshold: t.validationTimeouts,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
    },
  ];

  if (inputs.deliveryFailures) definitions.push(...deliveryFailureAlarms(inputs.deliveryFailures));
  for (const queue of inputs.queueNames) definitions.push(...queueAlarms(inputs, queue));
  return definitions;
}

function queueAlarms(inputs: AlarmInputs, queue: string): AlarmDefinition[] {
  const { config, instanceId } = inputs;
  const t = config.thresholds;
  const fraud = queue === inputs.fraudQueueName;
  // The primary queue keeps the original's addresses; other queues get a suffixed address.
  const suffix = queue === inputs.primaryQueueName ? "" : `_${toTerraformName(queue)}`;
  const nameSuffix = queue === inputs.primaryQueueName ? "" : `-${queue}`;
  const routes: AlarmRoute[] = fraud ? ["fraud", "operations"] : ["operations"];
  const queueSize = fraud ? t.fraudQueueSize : t.queueSize;
  const waitSeconds = fraud ? t.fraudQueueWaitSeconds : t.queueWaitSeconds;
  // Queues are idle out of hours: no data is no queue, not a breach.
  const common = {
    routes,
    evaluationPeriods: config.queueAlarmEvaluationPeriods,
    treatMissingData: "notBreaching",
  } as const;

  return [
    {
      ...common,
      address: `queue_size${suffix}`,
      nameSuffix: `queue-size-high${nameSuffix}`,
      description: `${queue}: more than ${queueSize} contacts waiting (5-minute average)`,
      source: { metric: connectMetric("QueueSize", "Average", instanceId, queue) },
      comparison: "GreaterThanThreshold",
      threshold: queueSize,
    },
    {
      ...common,
      address: `queue_wait_time${suffix}`,
      nameSuffix: `queue-wait-time-high${nameSuffix}`,
      description: `${queue}: a contact waited more than ${waitSeconds} s`,
      source: { metric: connectMetric("LongestQueueWaitTime", "Maximum", instanceId, queue) },
      comparison: "GreaterThanThreshold",
      threshold: waitSeconds,
    },
    {
      ...common,
      address: `queue_abandonment_rate${suffix}`,
      nameSuffix: `queue-abandonment-rate-high${nameSuffix}`,
      description: `${queue}: more than ${t.abandonmentRatePercent}% of contacts abandoned in queue over 5 minutes (from contact records)`,
      source: {
        math: {
          expression: "IF(abandoned + handled > 0, 100 * abandoned / (abandoned + handled), 0)",
          label: "Abandonment rate (%)",
          metrics: {
            abandoned: contactRecordMetric(
              config.contactMetricsNamespace,
              CONTACT_RECORD_METRICS.abandoned,
              instanceId,
              queue,
            ),
            handled: contactRecordMetric(
              config.contactMetricsNamespace,
              CONTACT_RECORD_METRICS.handled,
              instanceId,
              queue,
            ),
          },
        },
      },
      comparison: "GreaterThanThreshold",
      threshold: t.abandonmentRatePercent,
    },
  ];
}

/** Any single failure matters: a lost fraud report or a gap in the audit trail. */
function deliveryFailureAlarms(m: DeliveryFailureMetrics): AlarmDefinition[] {
  const anyFailure = {
    routes: ["fraud", "operations"],
    comparison: "GreaterThanThreshold",
    threshold: 0,
    evaluationPeriods: 1,
    treatMissingData: "notBreaching",
  } as const;
  return [
    {
      ...anyFailure,
      address: "fraud_alert_undelivered",
      nameSuffix: "fraud-alert-undelivered",
      description:
        "A fraud alert from the code-hook Lambda reached neither the fraud topic nor its backup queue: check the Lambda logs and call the customer back",
      source: {
        metric: {
          namespace: m.namespace,
          metricName: m.fraudAlertUndelivered,
          statistic: "Sum",
          periodSeconds: 60,
        },
      },
    },
    {
      ...anyFailure,
      address: "security_event_unwritten",
      nameSuffix: "security-event-unwritten",
      description: "A security event could not be written to the audit table: the audit trail has a gap",
      source: {
        metric: {
          namespace: m.namespace,
          metricName: m.securityEventUnwritten,
          statistic: "Sum",
          periodSeconds: 60,
        },
      },
    },
  ];
}
