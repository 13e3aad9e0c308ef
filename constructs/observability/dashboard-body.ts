import {
  AI_METRICS,
  connectMetric,
  CONTACT_RECORD_METRICS,
  CONTACT_RECORDS_SKIPPED,
  contactRecordMetric,
  lambdaMetric,
} from "./metrics";
import type { MetricSpec, Statistic } from "./types";

/** What the dashboard shows. */
export interface DashboardInputs {
  readonly region: string;
  readonly instanceId: string;
  readonly queueNames: readonly string[];
  /** Lambda functions whose errors and duration are graphed. */
  readonly functionNames: readonly string[];
  readonly aiMetricsNamespace: string;
  readonly contactMetricsNamespace: string;
  /**
   * Function name of the contact-record consumer: the records it skipped and how far behind it is.
   * @default - no such widget (a Region without the consumer)
   */
  readonly contactRecordCounter?: string;
  /** ARNs of the alarms shown in the status widget. */
  readonly alarmArns: readonly string[];
}

type MetricRow = ReadonlyArray<string | Record<string, unknown>>;

interface Widget {
  readonly type: "metric" | "alarm";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: Record<string, unknown>;
}

const PERIOD = 300;
const HALF = 12;
const HEIGHT = 6;

/** A metric line written out in full (no "." shorthand), so every line names its own dimensions. */
function row(
  spec: MetricSpec,
  options: {
    label?: string;
    stat?: Statistic | "p99";
    id?: string;
    visible?: boolean;
    yAxis?: "left" | "right";
  } = {},
): MetricRow {
  const dims = Object.entries(spec.dimensions ?? {}).flat();
  return [spec.namespace, spec.metricName, ...dims, { stat: options.stat ?? spec.statistic, ...options }];
}

function graph(
  title: string,
  metrics: MetricRow[],
  extra: Record<string, unknown> = {},
): Omit<Widget, "x" | "y"> {
  return {
    type: "metric",
    width: HALF,
    height: HEIGHT,
    properties: { title, view: "timeSeries", stacked: false, period: PERIOD, metrics, ...extra },
  };
}

/**
 * The operations dashboard: contact volume and abandonment, queues, Lambda health and the
 * original's AI quality panels, then alarm status. Two widgets per row.
 */
export function dashboardBody(inputs: DashboardInputs): string {
  const { instanceId, queueNames } = inputs;
  const ai = inputs.aiMetricsNamespace;
  const aiMetric = (metricName: string, statistic: Statistic): MetricSpec => ({
    namespace: ai,
    metricName,
    statistic,
    periodSeconds: PERIOD,
  });

  const abandonment: MetricRow[] = queueNames.flatMap((queue, i) => [
    row(
      contactRecordMetric(
        inputs.contactMetricsNamespace,
        CONTACT_RECORD_METRICS.abandoned,
        instanceId,
        queue,
      ),
      { id: `a${i}`, visible: false },
    ),
    row(
      contactRecordMetric(inputs.contactMetricsNamespace, CONTACT_RECORD_METRICS.handled, instanceId, queue),
      { id: `h${i}`, visible: false },
    ),
    [
      {
        expression: `IF(a${i} + h${i} > 0, 100 * a${i} / (a${i} + h${i}), 0)`,
        label: `${queue} abandoned %`,
        id: `rate${i}`,
      },
    ],
  ]);

  const widgets: Array<Omit<Widget, "x" | "y">> = [
    graph("Contact volume", [
      row(connectMetric("CallsPerInterval", "Sum", instanceId), { label: "Calls" }),
      row(connectMetric("ConcurrentCalls", "Maximum", instanceId), { label: "Concurrent calls (max)" }),
      row(connectMetric("MissedCalls", "Sum", instanceId), { label: "Missed by agents" }),
      row(connectMetric("ThrottledCalls", "Sum", instanceId), { label: "Throttled" }),
    ]),
    graph("Abandonment rate by queue (contact records)", abandonment, {
      yAxis: { left: { min: 0, max: 100 } },
    }),
    graph(
      "Contacts in queue",
      queueNames.map((queue) =>
        row(connectMetric("QueueSize", "Maximum", instanceId, queue), { label: queue }),
      ),
    ),
    graph(
      "Longest wait in queue (s)",
      queueNames.map((queue) =>
        row(connectMetric("LongestQueueWaitTime", "Maximum", instanceId, queue), { label: queue }),
      ),
    ),
    graph(
      "Lambda errors",
      inputs.functionNames.flatMap((fn) => [
        row(lambdaMetric("Errors", "Sum", fn), { label: `${fn} errors` }),
        row(lambdaMetric("Throttles", "Sum", fn), { label: `${fn} throttles` }),
      ]),
    ),
    graph(
      "Lambda duration (ms)",
      inputs.functionNames.flatMap((fn) => [
        row(lambdaMetric("Duration", "Average", fn), { label: `${fn} average` }),
        row(lambdaMetric("Duration", "Maximum", fn), { stat: "p99", label: `${fn} p99` }),
      ]),
    ),
    graph(
      "Hallucination detection (%)",
      [
        row(aiMetric(AI_METRICS.hallucinationDetectionRate, "Average"), { label: "Detection rate" }),
        row(aiMetric(AI_METRICS.validationSuccessRate, "Average"), { label: "Validation success rate" }),
      ],
      { yAxis: { left: { min: 0, max: 100 } } },
    ),
    graph("Validation latency (ms)", [
      row(aiMetric(AI_METRICS.validationLatency, "Average"), { label: "Average" }),
      row(aiMetric(AI_METRICS.validationLatency, "Maximum"), { label: "Maximum" }),
    ]),
    graph("Conversations", [
      row(aiMetric(AI_METRICS.conversationDuration, "Average"), { label: "Average duration (s)" }),
      row(aiMetric(AI_METRICS.conversationTurns, "Average"), { label: "Average turns" }),
      row(aiMetric(AI_METRICS.toolInvocations, "Sum"), { label: "Tool calls" }),
      row(aiMetric(AI_METRICS.handoverRate, "Average"), { label: "Handover rate (%)" }),
    ]),
    graph("AI errors", [
      row(aiMetric(AI_METRICS.bedrockApiErrors, "Sum"), { label: "Bedrock API errors" }),
      row(aiMetric(AI_METRICS.validationTimeouts, "Sum"), { label: "Validation timeouts" }),
    ]),
  ];
  if (inputs.contactRecordCounter !== undefined) {
    // Beside the abandonment rates it feeds: records lost for good, and the delay of the rest.
    widgets.push(
      graph("Contact-record counter", [
        ...CONTACT_RECORDS_SKIPPED.reasons.map((reason) =>
          row(
            {
              namespace: inputs.contactMetricsNamespace,
              metricName: CONTACT_RECORDS_SKIPPED.metricName,
              statistic: "Sum",
              periodSeconds: PERIOD,
              dimensions: { Reason: reason },
            },
            { label: `Skipped: ${reason}` },
          ),
        ),
        row(lambdaMetric("IteratorAge", "Maximum", inputs.contactRecordCounter), {
          label: "Behind (ms, max)",
          yAxis: "right",
        }),
      ]),
    );
  }
  if (inputs.alarmArns.length > 0) {
    widgets.push({
      type: "alarm",
      width: HALF * 2,
      height: HEIGHT,
      properties: { title: "Alarm status", alarms: [...inputs.alarmArns], sortBy: "stateUpdatedTimestamp" },
    });
  }

  // region on every metric widget: the console otherwise graphs the viewer's region.
  const placed: Widget[] = [];
  let x = 0;
  let y = 0;
  for (const widget of widgets) {
    if (x + widget.width > HALF * 2) {
      x = 0;
      y += HEIGHT;
    }
    const properties =
      widget.type === "metric" ? { ...widget.properties, region: inputs.region } : widget.properties;
    placed.push({ ...widget, x, y, properties });
    x += widget.width;
  }
  return JSON.stringify({ widgets: placed });
}
