import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { Construct } from "constructs";

export interface QueueHasMessagesAlarmProps {
  readonly alarmName: string;
  /** What a message on this queue means and what to do about it. */
  readonly description: string;
  readonly queueName: string;
  readonly alarmTopicArns: readonly string[];
}

/**
 * Alarm on the first visible message of a queue that should stay empty (a backup or dead-letter
 * queue): one minute's maximum above zero, and OK again once it is drained.
 */
export function queueHasMessagesAlarm(
  scope: Construct,
  id: string,
  props: QueueHasMessagesAlarmProps,
): CloudwatchMetricAlarm {
  return new CloudwatchMetricAlarm(scope, id, {
    alarmName: props.alarmName,
    alarmDescription: props.description,
    namespace: "AWS/SQS",
    metricName: "ApproximateNumberOfMessagesVisible",
    dimensions: { QueueName: props.queueName },
    statistic: "Maximum",
    period: 60,
    evaluationPeriods: 1,
    comparisonOperator: "GreaterThanThreshold",
    threshold: 0,
    treatMissingData: "notBreaching",
    alarmActions: [...props.alarmTopicArns],
    okActions: [...props.alarmTopicArns],
  });
}
