import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import {
  CloudwatchMetricAlarm,
  type CloudwatchMetricAlarmMetricQuery,
} from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Aspects, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import type { ObservabilityConfig } from "../../config/schema";
import { keepAddress } from "../core/addresses";
import { alarmDefinitions, type DeliveryFailureMetrics } from "./alarm-definitions";
import { dashboardBody } from "./dashboard-body";
import { RunbookLinks } from "./runbook-links";
import type { AlarmDefinition, AlarmRoute, MetricMathSpec, MetricSpec } from "./types";

export interface ObservabilityProps {
  /**
   * Prefix of the dashboard and alarm names (`<prefix>-monitoring`, `<prefix>-queue-size-high`);
   * the original `var.project_name` keeps the original's names.
   */
  readonly namePrefix: string;
  /** Region the dashboard graphs. */
  readonly region: string;
  /** Observability config: thresholds, metric namespaces, queue alarm evaluation periods. */
  readonly config: ObservabilityConfig;
  /** Connect instance id (the InstanceId dimension; not the ARN). */
  readonly connectInstanceId: string;
  /** Connect names of the customer queues (config `connect.queues` keys); each gets alarms and graphs. */
  readonly queueNames: readonly string[];
  /**
   * Queue whose alarms keep the original addresses `queue_size`, `queue_wait_time`, `queue_abandonment_rate`.
   * @default "GeneralAgentQueue"
   */
  readonly primaryQueueName?: string;
  /**
   * Fraud queue: tighter thresholds, alarms also go to the fraud topic.
   * @default "FraudQueue"
   */
  readonly fraudQueueName?: string;
  /** Function name of the Lex code-hook Lambda (error alarms, dashboard). */
  readonly lexFallbackFunctionName: string;
  /**
   * Further Lambda functions graphed on the dashboard.
   * @default []
   */
  readonly otherFunctionNames?: readonly string[];
  /**
   * Function name of the contact-record consumer (ContactRecordMetrics): its skipped records and
   * delay get a dashboard widget.
   * @default - no such widget
   */
  readonly contactRecordCounterFunctionName?: string;
  /**
   * The Lambda's log-derived delivery-failure metrics; each gets an any-failure alarm to both topics.
   * @default - no delivery-failure alarms
   */
  readonly deliveryFailures?: DeliveryFailureMetrics;
  /** ARN of the operational alarm topic. */
  readonly alarmTopicArn: string;
  /** ARN of the fraud alert topic. */
  readonly fraudTopicArn: string;
  /**
   * Pin the alarms and the dashboard to the original stack's addresses (`queue_size`, `main`).
   * Off for a second set in another Region, whose addresses follow the construct path.
   * @default true
   */
  readonly keepOriginalAddresses?: boolean;
}

/** The operations dashboard (`aws_cloudwatch_dashboard.main`) and every alarm of the contact centre. */
export class Observability extends Construct {
  public readonly dashboard: CloudwatchDashboard;
  /** Alarms by Terraform name (`queue_size`, `queue_size_fraud_queue`, ...). */
  public readonly alarms: Readonly<Record<string, CloudwatchMetricAlarm>>;
  /** The alarm table the alarms were built from. */
  public readonly definitions: readonly AlarmDefinition[];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const primaryQueueName = props.primaryQueueName ?? "GeneralAgentQueue";
    const fraudQueueName = props.fraudQueueName ?? "FraudQueue";
    validate(this.node.path, props, primaryQueueName, fraudQueueName);
    // Every alarm of the stack, wherever it is built, links its runbook page.
    Aspects.of(TerraformStack.of(this)).add(new RunbookLinks());

    const keepOriginal = props.keepOriginalAddresses ?? true;
    const topics: Record<AlarmRoute, string> = {
      operations: props.alarmTopicArn,
      fraud: props.fraudTopicArn,
    };
    this.definitions = alarmDefinitions({
      config: props.config,
      instanceId: props.connectInstanceId,
      queueNames: props.queueNames,
      primaryQueueName,
      fraudQueueName,
      lexFallbackFunctionName: props.lexFallbackFunctionName,
      deliveryFailures: props.deliveryFailures,
    });

    const alarms: Record<string, CloudwatchMetricAlarm> = {};
    for (const def of this.definitions) {
      const actions = def.routes.map((route) => topics[route]);
      const alarm = new CloudwatchMetricAlarm(this, def.address, {
        alarmName: `${props.namePrefix}-${def.nameSuffix}`,
        alarmDescription: def.description,
        comparisonOperator: def.comparison,
        threshold: def.threshold,
        evaluationPeriods: def.evaluationPeriods,
        treatMissingData: def.treatMissingData,
        alarmActions: actions,
        okActions: actions,
        ...("metric" in def.source
          ? singleMetric(def.source.metric)
          : { metricQuery: mathQueries(def.source.math) }),
      });
      alarms[def.address] = keepOriginal ? keepAddress(alarm, def.address) : alarm;
    }
    this.alarms = alarms;

    const dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: `${props.namePrefix}-monitoring`,
      dashboardBody: dashboardBody({
        region: props.region,
        instanceId: props.connectInstanceId,
        queueNames: props.queueNames,
        functionNames: [props.lexFallbackFunctionName, ...(props.otherFunctionNames ?? [])],
        aiMetricsNamespace: props.config.aiMetricsNamespace,
        contactMetricsNamespace: props.config.contactMetricsNamespace,
        ...(props.contactRecordCounterFunctionName !== undefined
          ? { contactRecordCounter: props.contactRecordCounterFunctionName }
          : {}),
        alarmArns: Object.values(alarms).map((a) => a.arn),
      }),
    });
    this.dashboard = keepOriginal ? keepAddress(dashboard, "main") : dashboard;
  }
}

function singleMetric(metric: MetricSpec) {
  return {
    namespace: metric.namespace,
    metricName: metric.metricName,
    statistic: metric.statistic,
    period: metric.periodSeconds,
    dimensions: metric.dimensions ? { ...metric.dimensions } : undefined,
  };
}

function mathQueries(math: MetricMathSpec): CloudwatchMetricAlarmMetricQuery[] {
  return [
    { id: "result", expression: math.expression, label: math.label, returnData: true },
    ...Object.entries(math.metrics).map(([id, metric]) => ({
      id,
      returnData: false,
      metric: {
        namespace: metric.namespace,
        metricName: metric.metricName,
        stat: metric.statistic,
        period: metric.periodSeconds,
        dimensions: metric.dimensions ? { ...metric.dimensions } : undefined,
      },
    })),
  ];
}

function validate(
  path: string,
  props: ObservabilityProps,
  primaryQueueName: string,
  fraudQueueName: string,
): void {
  if (props.queueNames.length === 0) {
    throw new Error(
      `${path}: queueNames is empty: pass the Connect queue names (config connect.queues keys)`,
    );
  }
  const duplicate = props.queueNames.find((q, i) => props.queueNames.indexOf(q) !== i);
  if (duplicate) throw new Error(`${path}: queueNames lists "${duplicate}" twice: list each queue once`);
  const known = props.queueNames.join(", ");
  if (!props.queueNames.includes(primaryQueueName)) {
    throw new Error(
      `${path}: primaryQueueName "${primaryQueueName}" is not in queueNames (${known}): pass one of them`,
    );
  }
  if (!props.queueNames.includes(fraudQueueName)) {
    throw new Error(
      `${path}: fraudQueueName "${fraudQueueName}" is not in queueNames (${known}): pass one of them`,
    );
  }
  if (primaryQueueName === fraudQueueName) {
    throw new Error(
      `${path}: primaryQueueName and fraudQueueName are both "${fraudQueueName}": the fraud queue needs its own alarms`,
    );
  }
  // Alarm names are <prefix>-<suffix> and at most 255 characters; keep headroom for queue names.
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(props.namePrefix)) {
    throw new Error(`${path}: namePrefix "${props.namePrefix}" must be 1-120 letters, digits, _ or -`);
  }
}
