import { referencesIn } from "../../rules/stack-view";
import type { LogCheck } from "./catalog";
import { regionOf, resolveValue, type AlarmFacts, type StackFacts } from "./stack-facts";

/**
 * Log checks that follow from the stack itself, so they can never name the wrong log group or a
 * log line nobody writes any more:
 * - an alarm on a metric that a log metric filter publishes: the lines the filter counts;
 * - an alarm on a Lambda function's metric: that function's errors and failed invocations, in
 *   the log group its logging config names;
 * - an alarm on an HTTP API's metric: the stage's access log.
 * Only resources in the alarm's Region count: a DR replica has a filter and a function of the same
 * names in its own Region.
 */

/** `{ $.message = "X" }` (terms joined by && or ||) → `message = "X"`. */
export function insightsFilterOf(pattern: string): string {
  const body = /^\{\s*(.*?)\s*\}$/.exec(pattern.trim())?.[1];
  const term = /^\$\.([A-Za-z0-9_.]+)\s*(=|!=)\s*("[^"]*"|-?\d+(?:\.\d+)?)$/;
  const parts = body?.split(/\s*(&&|\|\|)\s*/) ?? [];
  const out = parts.map((part, i) => {
    if (i % 2 === 1) return part === "&&" ? "and" : "or";
    const match = term.exec(part);
    if (!match)
      throw new Error(
        `metric filter pattern ${pattern}: only { $.field = "value" } terms are turned into queries`,
      );
    return `${match[1]} ${match[2]} ${match[3]}`;
  });
  if (out.length === 0) throw new Error(`metric filter pattern ${pattern} is not a JSON pattern`);
  return out.join(" ");
}

const groupAddress = (value: unknown): string | undefined =>
  referencesIn(value)
    .find((r) => r.startsWith("aws_cloudwatch_log_group."))
    ?.slice("aws_cloudwatch_log_group.".length);

export function derivedChecks(facts: StackFacts, alarm: AlarmFacts): LogCheck[] {
  const { view } = facts;
  const here = <T extends Parameters<typeof regionOf>[0]>(resources: readonly T[]) =>
    resources.filter((r) => regionOf(r, facts.region) === alarm.region);
  const checks: LogCheck[] = [];
  for (const metric of alarm.metrics) {
    for (const filter of here(view.ofType("aws_cloudwatch_log_metric_filter"))) {
      const t = filter.body["metric_transformation"] as Record<string, unknown> | undefined;
      const group = groupAddress(filter.body["log_group_name"]);
      if (t?.["namespace"] !== metric.namespace || t["name"] !== metric.metricName || group === undefined)
        continue;
      checks.push({
        // By the filter's own name, the same in every Region it is in.
        title: `The log lines this alarm counts (metric filter ${resolveValue(view, filter.body["name"])})`,
        logGroups: [group],
        commands: [
          "fields @timestamp, level, message, error.name, error.message",
          `filter ${insightsFilterOf(String(filter.body["pattern"]))}`,
          "sort @timestamp desc",
          "limit 50",
        ],
      });
    }
    const functionName = metric.dimensions["FunctionName"];
    const fn = here(view.ofType("aws_lambda_function")).find(
      (f) => resolveValue(view, f.body["function_name"]) === functionName,
    );
    const fnGroup = groupAddress(
      (fn?.body["logging_config"] as Record<string, unknown> | undefined)?.["log_group"],
    );
    if (fn && fnGroup) {
      checks.push(
        {
          title: `Errors logged by ${functionName}`,
          logGroups: [fnGroup],
          commands: [
            "fields @timestamp, message, error.name, error.message",
            'filter level = "ERROR"',
            "sort @timestamp desc",
            "limit 50",
          ],
        },
        {
          title: `Invocations of ${functionName} that failed or timed out`,
          logGroups: [fnGroup],
          commands: [
            "fields @timestamp, record.requestId, record.status, record.metrics.durationMs",
            'filter type = "platform.report" and record.status != "success"',
            "sort @timestamp desc",
            "limit 50",
          ],
        },
      );
    }
    const apiId = metric.dimensions["ApiId"];
    if (apiId !== undefined) {
      const stage = here(view.ofType("aws_apigatewayv2_stage")).find((s) =>
        referencesIn(s.body["api_id"]).some((r) => apiId.includes(r)),
      );
      const accessGroup = groupAddress(
        (stage?.body["access_log_settings"] as Record<string, unknown> | undefined)?.["destination_arn"],
      );
      if (accessGroup)
        checks.push({
          title: "5xx answers by route (API access log)",
          logGroups: [accessGroup],
          commands: [
            "fields @timestamp, routeKey, status, integrationStatus, integrationErrorMessage",
            "filter status like /^5/",
            "stats count(*) as answers by routeKey, status, integrationErrorMessage",
            "sort answers desc",
          ],
        });
    }
  }
  // The same function or filter can stand behind two metrics of one alarm (errors / invocations).
  return checks.filter((c, i) => checks.findIndex((d) => d.title === c.title) === i);
}
