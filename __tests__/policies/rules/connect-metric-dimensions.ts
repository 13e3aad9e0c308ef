import { CONNECT_METRIC_DIMENSIONS, CONNECT_NAMESPACE } from "../../../constructs/observability/metrics";
import { type Finding, type PolicyRule, resourcesOfType } from "../types";

interface MetricUse {
  readonly where: string;
  readonly name: string;
  readonly dimensions: Record<string, string>;
}

function connectMetricsOf(body: Record<string, any>): MetricUse[] {
  const uses: MetricUse[] = [];
  if (body.namespace === CONNECT_NAMESPACE) {
    uses.push({ where: "metric", name: body.metric_name, dimensions: body.dimensions ?? {} });
  }
  for (const query of body.metric_query ?? []) {
    if (query.metric?.namespace === CONNECT_NAMESPACE) {
      uses.push({
        where: `metric_query ${query.id}`,
        name: query.metric.metric_name,
        dimensions: query.metric.dimensions ?? {},
      });
    }
  }
  return uses;
}

/** Expected dimension names of a Connect metric, or undefined if Connect publishes no such metric here. */
function expectedDimensions(name: string): string[] | undefined {
  const spec = (CONNECT_METRIC_DIMENSIONS as Record<string, { MetricGroup: string; perQueue: boolean }>)[
    name
  ];
  if (!spec) return undefined;
  return spec.perQueue ? ["InstanceId", "MetricGroup", "QueueName"] : ["InstanceId", "MetricGroup"];
}

export const rule: PolicyRule = {
  id: "connect-metric-dimensions",
  description: "Alarms on AWS/Connect metrics use a metric Connect publishes, with exactly its dimensions",
  check: (json) =>
    resourcesOfType(json, "aws_cloudwatch_metric_alarm").flatMap(([address, body]) =>
      connectMetricsOf(body).flatMap((use): Finding[] => {
        const expected = expectedDimensions(use.name);
        if (!expected) {
          return [
            { address, message: `${use.where}: AWS/Connect publishes no metric "${use.name}" to CloudWatch` },
          ];
        }
        const actual = Object.keys(use.dimensions).sort();
        if (actual.join(",") !== expected.join(",")) {
          return [
            {
              address,
              message: `${use.where}: ${use.name} needs dimensions ${expected.join(", ")}, has ${actual.join(", ") || "none"}`,
            },
          ];
        }
        const group = (CONNECT_METRIC_DIMENSIONS as Record<string, { MetricGroup: string }>)[use.name]
          .MetricGroup;
        if (use.dimensions.MetricGroup !== group) {
          return [
            {
              address,
              message: `${use.where}: ${use.name} is published with MetricGroup=${group}, not ${use.dimensions.MetricGroup}`,
            },
          ];
        }
        return [];
      }),
    ),
};
