import { instanceCount, referencesIn } from "../stack-view";
import { defineRule } from "../types";

const ACTIONS = ["alarm_actions", "ok_actions", "insufficient_data_actions"];

export const rule = defineRule({
  id: "alarm-topic-subscribed",
  meta: {
    description:
      "In production every SNS topic an alarm publishes to has a subscriber: else the alarm alerts nobody",
    fix: "set security.alarmEmails and security.fraudAlertEmails in the production config",
  },
  check: (stack) => {
    if (!stack.production) return [];
    const alarmed = new Map<string, number>();
    for (const { body } of stack.ofType("aws_cloudwatch_metric_alarm")) {
      for (const ref of referencesIn(ACTIONS.map((a) => body[a]))) {
        if (ref.startsWith("aws_sns_topic.")) alarmed.set(ref, (alarmed.get(ref) ?? 0) + 1);
      }
    }
    return [...alarmed]
      .filter(([topic]) =>
        stack
          .referring("aws_sns_topic_subscription", "topic_arn", topic)
          // An unknown count (a computed for_each) may be anything: only a known zero is a finding.
          .every((subscription) => instanceCount(subscription) === 0),
      )
      .map(([topic, count]) => ({
        address: topic,
        message: `${count} alarms publish here, and nobody subscribes`,
      }));
  },
});
