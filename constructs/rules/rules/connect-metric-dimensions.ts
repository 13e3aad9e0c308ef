import { CONNECT_METRIC_DIMENSIONS, CONNECT_NAMESPACE } from "../../observability/metrics";
import { defineRule, type RuleFinding } from "../types";

interface MetricUse {
  readonly where: string;
  readonly name: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

type MetricBlock = { namespace?: string; metric_name?: string; dimensions?: Record<string, string> };

function connectMetricsOf(body: Readonly<Record<string, unknown>>): MetricUse[] {
  const uses: MetricUse[] = [];
  const alarm = body as MetricBlock;
  if (alarm.namespace === CONNECT_NAMESPACE) {
    uses.push({ where: "metric", name: String(alarm.metric_name), dimensions: alarm.dimensions ?? {} });
  }
  for (const query of (body.metric_query ?? []) as Array<{ id?: string; metric?: MetricBlock }>) {
    if (query.metric?.namespace === CONNECT_NAMESPACE) {
      uses.push({
        where: `metric_query ${query.id}`,
        name: String(query.metric.metric_name),
        dimensions: query.metric.dimensions ?? {},
      });
    }
  }
  return uses;
}

const SPECS = CONNECT_METRIC_DIMENSIONS as Readonly<
  Record<string, { readonly MetricGroup: string; readonly perQueue: boolean }>
>;

function problem(use: MetricUse): string | undefined {
  const spec = SPECS[use.name];
  if (!spec) return `AWS/Connect publishes no metric "${use.name}" to CloudWatch`;
  const expected = spec.perQueue ? ["InstanceId", "MetricGroup", "QueueName"] : ["InstanceId", "MetricGroup"];
  const actual = Object.keys(use.dimensions).sort();
  if (actual.join(",") !== expected.join(",")) {
    return `${use.name} needs dimensions ${expected.join(", ")}, has ${actual.join(", ") || "none"}`;
  }
  if (use.dimensions.MetricGroup !== spec.MetricGroup) {
    return `${use.name} is published with MetricGroup=${spec.MetricGroup}, not ${use.dimensions.MetricGroup}`;
  }
  return undefined;
}

export const rule = defineRule({
  id: "connect-metric-dimensions",
  meta: {
    description:
      "Alarms on AWS/Connect metrics use a metric Connect publishes, with exactly its dimensions (else they never fire)",
    fix: "use a metric and dimensions from constructs/observability/metrics.ts",
  },
  check: (stack) =>
    stack.ofType("aws_cloudwatch_metric_alarm").flatMap(({ address, body }) =>
      connectMetricsOf(body).flatMap((use): RuleFinding[] => {
        const message = problem(use);
        return message ? [{ address, message: `${use.where}: ${message}` }] : [];
      }),
    ),
});
