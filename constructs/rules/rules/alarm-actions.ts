import { defineRule, type RuleFinding } from "../types";

const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

export const rule = defineRule({
  id: "alarm-actions",
  meta: {
    description: "Every metric alarm notifies someone when it fires and when it recovers",
    fix: "set alarm_actions and ok_actions to the alarm topic",
  },
  check: (stack) =>
    stack.ofType("aws_cloudwatch_metric_alarm").flatMap(({ address, body }) => {
      const findings: RuleFinding[] = [];
      if (!nonEmpty(body.alarm_actions)) {
        findings.push({ address, message: "alarm_actions is empty: nobody is told when it fires" });
      }
      if (!nonEmpty(body.ok_actions)) {
        findings.push({ address, message: "ok_actions is empty: nobody is told when it recovers" });
      }
      return findings;
    }),
});
