import { fragment, ref, type RuleCases } from "../support";

const T = "aws_sns_topic.alarms";
const alarmed = (subscription?: Record<string, unknown>) =>
  fragment({
    aws_sns_topic: { alarms: {}, unrelated: {} },
    aws_cloudwatch_metric_alarm: {
      a: { alarm_actions: [ref(T)], ok_actions: [ref(T)] },
      b: { alarm_actions: [ref(T)] },
    },
    ...(subscription
      ? { aws_sns_topic_subscription: { s: { topic_arn: ref(T), protocol: "email", ...subscription } } }
      : {}),
  });

export const cases: RuleCases = {
  valid: {
    "one subscriber in production": { json: alarmed({ endpoint: "ops@bank.test" }), production: true },
    "a for_each over configured addresses": {
      json: alarmed({ endpoint: "${each.value}", for_each: { "ops@bank.test": "ops@bank.test" } }),
      production: true,
    },
    "a for_each Terraform resolves at plan time": {
      json: alarmed({ endpoint: "${each.value}", for_each: "${toset(var.emails)}" }),
      production: true,
    },
    "no subscriber outside production": { json: alarmed() },
  },
  invalid: {
    "no subscription in production": {
      json: alarmed(),
      production: true,
      findings: [[T, /2 alarms publish here, and nobody subscribes/]],
    },
    "a for_each over no addresses in production": {
      json: alarmed({ endpoint: "${each.value}", for_each: {} }),
      production: true,
      findings: [[T, /nobody subscribes/]],
    },
  },
};
