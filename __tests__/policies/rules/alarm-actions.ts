import { type PolicyRule, resourcesOfType } from "../types";

export const rule: PolicyRule = {
  id: "alarm-actions",
  description: "Every metric alarm notifies someone on ALARM and on OK",
  check: (json) =>
    resourcesOfType(json, "aws_cloudwatch_metric_alarm").flatMap(([address, body]) => {
      const findings = [];
      if (!Array.isArray(body.alarm_actions) || body.alarm_actions.length === 0) {
        findings.push({ address, message: "alarm_actions is empty: nobody is told when it fires" });
      }
      if (!Array.isArray(body.ok_actions) || body.ok_actions.length === 0) {
        findings.push({ address, message: "ok_actions is empty: nobody is told when it recovers" });
      }
      return findings;
    }),
};
