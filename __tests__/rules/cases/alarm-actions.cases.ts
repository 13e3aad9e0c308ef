import { fragment, type RuleCases } from "../support";

const alarm = (body: Record<string, unknown>) =>
  fragment({ aws_cloudwatch_metric_alarm: { a: { alarm_actions: ["t"], ok_actions: ["t"], ...body } } });

export const cases: RuleCases = {
  valid: { "both actions": { json: alarm({}) }, "no alarms": { json: fragment({}) } },
  invalid: {
    "no alarm actions": {
      json: alarm({ alarm_actions: [] }),
      findings: [["aws_cloudwatch_metric_alarm.a", /alarm_actions is empty/]],
    },
    "no ok actions": {
      json: alarm({ ok_actions: undefined }),
      findings: [["aws_cloudwatch_metric_alarm.a", /ok_actions is empty/]],
    },
  },
};
