import { CloudwatchContributorInsightRule } from "@cdktf/provider-aws/lib/cloudwatch-contributor-insight-rule";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { ACCESS_AUDIT_UNWRITTEN } from "../../lambda/http_api/log-events";

export interface CustomerAccessAlarmsProps {
  /** Prefix of every name, as the original's project_name. */
  readonly namePrefix: string;
  /**
   * The API's access log group (JSON lines with `caller` = the token's `sub` and `routeKey`), and
   * the resource that creates it, which the rule must follow.
   */
  readonly accessLogGroup: { readonly name: string; readonly resource: ITerraformDependable };
  /** Route whose requests are customer lookups. */
  readonly lookupRouteKey: string;
  /** Log groups of the functions that write the access audit (they log ACCESS_AUDIT_UNWRITTEN). */
  readonly auditWriterLogGroups: Readonly<Record<string, string>>;
  /** Operations topic: told when an alarm fires and when it recovers. */
  readonly alarmTopicArn: string;
  /**
   * Lookups by one agent in 5 minutes above which the alarm fires. An agent serving calls looks up
   * a customer or two per contact; 30 in 5 minutes is browsing, not serving.
   * @default 30
   */
  readonly lookupsPerAgentThreshold?: number;
}

/** Namespace of the log-derived count of access records the functions could not write. */
export const CUSTOMER_ACCESS_METRIC_NAMESPACE = "ContactCentre/CustomerAccess";
const UNWRITTEN_METRIC = "AccessAuditUnwritten";
const FIVE_MINUTES = 300;

/**
 * Watching customer-data access: an alarm when one agent looks up unusually many customers, and
 * one when an access could not be written to the audit.
 *
 * Lookups per agent come from a Contributor Insights rule over the API's access log, keyed by the
 * caller's `sub`, rather than a custom metric per agent: a metric with an agent dimension costs a
 * metric per agent and an alarm cannot name agents that do not exist yet, while the rule counts
 * any number of agents for one rule's price, the alarm reads its top contributor
 * (`INSIGHT_RULE_METRIC(…, "MaxContributorValue")`), and the rule's report names the agent. The
 * access log is written by API Gateway for every request that reached the route, so a lookup
 * counts even when the function failed.
 */
export class CustomerAccessAlarms extends Construct {
  public readonly lookupsPerAgent: CloudwatchContributorInsightRule;
  public readonly lookupsPerAgentAlarm: CloudwatchMetricAlarm;
  public readonly auditUnwrittenAlarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: CustomerAccessAlarmsProps) {
    super(scope, id);
    const threshold = props.lookupsPerAgentThreshold ?? 30;
    if (!Number.isInteger(threshold) || threshold < 1) {
      throw new Error(
        `CustomerAccessAlarms at ${this.node.path}: lookupsPerAgentThreshold ${threshold} must be a whole number of lookups >= 1`,
      );
    }
    const prefix = props.namePrefix;
    const actions = { alarmActions: [props.alarmTopicArn], okActions: [props.alarmTopicArn] };

    const ruleName = `${prefix}-crm-lookups-per-agent`;
    this.lookupsPerAgent = new CloudwatchContributorInsightRule(this, "lookups_per_agent", {
      ruleName,
      ruleState: "ENABLED",
      ruleDefinition: JSON.stringify({
        Schema: { Name: "CloudWatchLogRule", Version: 1 },
        LogGroupNames: [props.accessLogGroup.name],
        LogFormat: "JSON",
        Contribution: {
          Keys: ["$.caller"],
          Filters: [{ Match: "$.routeKey", In: [props.lookupRouteKey] }],
        },
        AggregateOn: "Count",
      }),
      dependsOn: [props.accessLogGroup.resource],
    });
    this.lookupsPerAgentAlarm = new CloudwatchMetricAlarm(this, "lookups_per_agent_high", {
      alarmName: `${ruleName}-high`,
      alarmDescription: `One agent made more than ${threshold} customer lookups (${props.lookupRouteKey}) in 5 minutes; the rule ${ruleName} names the agent, the customer-access table lists whom they looked up`,
      metricQuery: [
        {
          id: "top_agent",
          expression: `INSIGHT_RULE_METRIC("${ruleName}", "MaxContributorValue")`,
          label: "Lookups by the busiest agent",
          period: FIVE_MINUTES,
          returnData: true,
        },
      ],
      comparisonOperator: "GreaterThanThreshold",
      threshold,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
      ...actions,
      dependsOn: [this.lookupsPerAgent],
    });

    for (const [name, logGroupName] of Object.entries(props.auditWriterLogGroups)) {
      new CloudwatchLogMetricFilter(this, `${name}_audit_unwritten`, {
        name: `${prefix}-${name}-${UNWRITTEN_METRIC}`,
        logGroupName,
        pattern: `{ $.message = "${ACCESS_AUDIT_UNWRITTEN}" }`,
        metricTransformation: {
          name: UNWRITTEN_METRIC,
          namespace: CUSTOMER_ACCESS_METRIC_NAMESPACE,
          value: "1",
          defaultValue: "0",
        },
      });
    }
    this.auditUnwrittenAlarm = new CloudwatchMetricAlarm(this, "audit_unwritten", {
      alarmName: `${prefix}-customer-access-audit-unwritten`,
      alarmDescription:
        "A customer lookup or companion answer could not be written to the customer-access table (lookups are then refused; answers stand)",
      namespace: CUSTOMER_ACCESS_METRIC_NAMESPACE,
      metricName: UNWRITTEN_METRIC,
      statistic: "Sum",
      period: FIVE_MINUTES,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
      treatMissingData: "notBreaching",
      ...actions,
    });
  }
}
