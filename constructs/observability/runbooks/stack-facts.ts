import { referencesIn, StackView, type StackResource } from "../../rules/stack-view";
import type { StackJson } from "../../rules/types";
import { splitRunbookLink } from "../runbook-links";

/**
 * What a runbook page says about one environment, read from its synthesized JSON: every alarm
 * with its metric, threshold and topics, who subscribes to each topic, and the real names of the
 * log groups to query. Literal names are followed through references (`${aws_lambda_function.x
 * .function_name}` → the function's name); a value only Terraform knows stays a description.
 */

export interface AlarmFacts {
  /** Terraform resource name (`queue_size_fraud_queue`). */
  readonly address: string;
  /**
   * The runbook page it links, as an alarm address (`queue_size`): its own address, or for a DR
   * replica's alarm its primary counterpart's (runbook-links.ts).
   */
  readonly page: string;
  /** Region the alarm is in: the stack's, or its per-resource `region` (the DR replica's). */
  readonly region: string;
  readonly name: string;
  /** The description without its runbook link. */
  readonly description: string;
  /** The runbook the description links, if any. */
  readonly runbook: string | undefined;
  /** What is measured, in words: `AWS/Connect QueueSize (Average, 5 min)` or a metric-math expression. */
  readonly measures: string;
  /** `> 10 for 3 of 3 periods`. */
  readonly condition: string;
  readonly treatMissingData: string;
  /** Metrics read, each as namespace, name and resolved dimensions. */
  readonly metrics: readonly AlarmMetric[];
  /** Addresses of the SNS topics told on ALARM. */
  readonly topics: readonly string[];
}

export interface AlarmMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

export interface TopicFacts {
  readonly name: string;
  /** `email: oncall@bank.example`; empty when nobody subscribes in this environment. */
  readonly subscribers: readonly string[];
}

export interface StackFacts {
  readonly env: string;
  readonly region: string;
  readonly alarms: ReadonlyMap<string, AlarmFacts>;
  readonly topics: ReadonlyMap<string, TopicFacts>;
  /** Log group address → its name. */
  readonly logGroups: ReadonlyMap<string, string>;
  /** Log group address → its Region. */
  readonly logGroupRegions: ReadonlyMap<string, string>;
  /** Connect's own flow-log group (`/aws/connect/<instance alias>`) when flow logs are on. */
  readonly connectFlowLogGroup: string | undefined;
  /** The view the facts were read from, for lookups a page needs (metric filters, functions). */
  readonly view: StackView;
}

const OPERATOR: Readonly<Record<string, string>> = {
  GreaterThanThreshold: ">",
  GreaterThanOrEqualToThreshold: "≥",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "≤",
};

const str = (value: unknown): string => (typeof value === "string" ? value : String(value ?? ""));
const records = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];

/**
 * A value with references to literal attributes of other resources put in; a reference to a
 * computed attribute becomes `<aws_connect_instance.x id>`.
 */
export function resolveValue(view: StackView, value: unknown): string {
  return str(value).replace(
    /\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}/g,
    (_whole, type: string, name: string, attr: string) => {
      const target = view.get(`${type}.${name}`)?.body[attr];
      return typeof target === "string" ? resolveValue(view, target) : `<${type}.${name} ${attr}>`;
    },
  );
}

/** A resource's Region: its per-resource `region` argument, else the stack's. */
export const regionOf = (resource: StackResource, stackRegion: string): string =>
  typeof resource.body["region"] === "string" ? resource.body["region"] : stackRegion;

/** `docs/runbooks/queue_size.md` → `queue_size`. */
const pageOf = (runbook: string): string => runbook.replace(/^.*\//, "").replace(/\.md$/, "");

const duration = (seconds: number): string =>
  seconds % 3600 === 0 ? `${seconds / 3600} h` : seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;

function alarmFacts(view: StackView, alarm: StackResource, stackRegion: string): AlarmFacts {
  const b = alarm.body;
  const dims = (value: unknown) =>
    Object.fromEntries(
      Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, resolveValue(view, v)]),
    );
  const queries = records(b["metric_query"]);
  const metrics: AlarmMetric[] =
    queries.length === 0
      ? [
          {
            namespace: str(b["namespace"]),
            metricName: str(b["metric_name"]),
            dimensions: dims(b["dimensions"]),
          },
        ]
      : queries.flatMap((q) =>
          records(q["metric"]).map((m) => ({
            namespace: str(m["namespace"]),
            metricName: str(m["metric_name"]),
            dimensions: dims(m["dimensions"]),
          })),
        );
  const result = queries.find((q) => q["return_data"] === true);
  const measures = result
    ? `${str(result["expression"])} (${duration(Number(result["period"] ?? records(queries[1]?.["metric"])[0]?.["period"]))})`
    : `${str(b["namespace"])} ${str(b["metric_name"])} (${str(b["statistic"])}, ${duration(Number(b["period"]))})`;
  const periods = Number(b["evaluation_periods"]);
  const needed = Number(b["datapoints_to_alarm"] ?? periods);
  const { text, runbook } = splitRunbookLink(str(b["alarm_description"]));
  return {
    address: alarm.name,
    page: runbook === undefined ? alarm.name : pageOf(runbook),
    region: regionOf(alarm, stackRegion),
    name: str(b["alarm_name"]),
    description: text,
    runbook,
    measures,
    condition: `${OPERATOR[str(b["comparison_operator"])] ?? str(b["comparison_operator"])} ${str(b["threshold"])} in ${needed} of ${periods} period${periods === 1 ? "" : "s"}`,
    treatMissingData: str(b["treat_missing_data"] ?? "missing"),
    metrics,
    topics: records(b["alarm_actions"])
      .flatMap((a) => referencesIn(a))
      .filter((r) => r.startsWith("aws_sns_topic."))
      .map((r) => r.slice("aws_sns_topic.".length)),
  };
}

/** Reads the facts of one environment's synthesized stack. */
export function stackFacts(env: string, json: StackJson): StackFacts {
  const view = new StackView(json, { production: env === "prod" });
  const provider = (json["provider"] as { aws?: Array<Record<string, unknown>> } | undefined)?.aws ?? [];
  const region = str(provider.find((p) => p["alias"] === undefined)?.["region"]);
  const topics = new Map<string, TopicFacts>();
  for (const topic of view.ofType("aws_sns_topic")) {
    const subscribers = view
      .referring("aws_sns_topic_subscription", "topic_arn", topic.address)
      .flatMap((s) => {
        const protocol = str(s.body["protocol"]);
        const forEach = s.body["for_each"];
        const endpoints =
          forEach !== undefined && typeof forEach === "object"
            ? Object.keys(forEach as Record<string, unknown>)
            : [resolveValue(view, s.body["endpoint"])];
        return endpoints.map((e) => `${protocol}: ${e}`);
      });
    topics.set(topic.name, { name: str(topic.body["name"]), subscribers });
  }
  const instance = view.ofType("aws_connect_instance")[0]?.body;
  return {
    env,
    region,
    alarms: new Map(
      view.ofType("aws_cloudwatch_metric_alarm").map((a) => [a.name, alarmFacts(view, a, region)]),
    ),
    topics,
    logGroups: new Map(view.ofType("aws_cloudwatch_log_group").map((g) => [g.name, str(g.body["name"])])),
    logGroupRegions: new Map(
      view.ofType("aws_cloudwatch_log_group").map((g) => [g.name, regionOf(g, region)]),
    ),
    connectFlowLogGroup:
      instance?.["contact_flow_logs_enabled"] === true
        ? `/aws/connect/${str(instance["instance_alias"])}`
        : undefined,
    view,
  };
}
