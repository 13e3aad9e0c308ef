import { FraudBackupQueue } from "../../constructs/security";
import { KMS_KEY_ARN, newStack, synthJson } from "../policies/fixture";

const TOPICS = ["arn:aws:sns:eu-west-2:111122223333:fraud", "arn:aws:sns:eu-west-2:111122223333:alarms"];

describe("FraudBackupQueue", () => {
  const stack = newStack();
  new FraudBackupQueue(stack, "fraud_backup", {
    namePrefix: "cc",
    kmsKeyArn: KMS_KEY_ARN,
    alarmTopicArns: TOPICS,
  });
  const json = synthJson(stack);
  const queues = json.resource!.aws_sqs_queue as Record<string, any>;
  const alarms = Object.values(json.resource!.aws_cloudwatch_metric_alarm as Record<string, any>);

  it("keeps alerts 14 days on a queue and a dead-letter queue, both under the stack key", () => {
    expect(Object.keys(queues).sort()).toStrictEqual(["fraud_backup_dead_letter", "fraud_backup_queue"]);
    for (const queue of Object.values(queues)) {
      expect(queue).toMatchObject({ kms_master_key_id: KMS_KEY_ARN, message_retention_seconds: 1209600 });
    }
    expect(JSON.parse(queues.fraud_backup_queue.redrive_policy)).toStrictEqual({
      deadLetterTargetArn: "${aws_sqs_queue.fraud_backup_dead_letter.arn}",
      maxReceiveCount: 5,
    });
  });

  it("refuses plain HTTP on both queues", () => {
    const policies = Object.values(json.resource!.aws_sqs_queue_policy as Record<string, any>);
    expect(policies).toHaveLength(2);
    for (const p of policies) {
      expect(JSON.parse(p.policy).Statement[0]).toMatchObject({
        Effect: "Deny",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      });
    }
  });

  it("alarms the fraud team and operations on the first message in either queue", () => {
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        namespace: "AWS/SQS",
        metric_name: "ApproximateNumberOfMessagesVisible",
        comparison_operator: "GreaterThanThreshold",
        threshold: 0,
        alarm_actions: TOPICS,
      });
    }
    expect(alarms.map((a) => a.dimensions.QueueName).sort()).toStrictEqual([
      "${aws_sqs_queue.fraud_backup_dead_letter.name}",
      "${aws_sqs_queue.fraud_backup_queue.name}",
    ]);
  });
});
