import { queueHasMessagesAlarm } from "../observability/queue-alarm";
import { denyInsecureTransport } from "../core/policy";
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { Construct } from "constructs";

export interface FraudBackupQueueProps {
  /** Prefix of the queue names (`<prefix>-fraud-alert-backup`). */
  readonly namePrefix: string;
  /** The stack's customer-managed KMS key; its policy must allow use through SQS. */
  readonly kmsKeyArn: string;
  /** Topics the depth alarms notify (the fraud team's and operations'). */
  readonly alarmTopicArns: readonly string[];
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
}

/** Fourteen days, the SQS maximum: an alert waits as long as it can for someone to replay it. */
const RETENTION_S = 14 * 24 * 60 * 60;

/**
 * The durable second channel for fraud alerts: when the fraud topic refuses or stalls, the
 * code-hook Lambda sends the alert here (lambda/lex_fallback/adapters/sqs-fraud-backup.ts). Both the
 * queue and its dead-letter queue are encrypted with the stack key and refuse plain HTTP, and an
 * alarm fires on the first message in either: every message is a fraud report nobody was told of.
 */
export class FraudBackupQueue extends Construct {
  public readonly queue: SqsQueue;
  public readonly deadLetterQueue: SqsQueue;
  public readonly depthAlarms: readonly CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: FraudBackupQueueProps) {
    super(scope, id);
    const encryption = { kmsMasterKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 };

    this.deadLetterQueue = new SqsQueue(this, "dead_letter", {
      name: `${props.namePrefix}-fraud-alert-backup-dlq`,
      messageRetentionSeconds: RETENTION_S,
      ...encryption,
    });
    this.queue = new SqsQueue(this, "queue", {
      name: `${props.namePrefix}-fraud-alert-backup`,
      messageRetentionSeconds: RETENTION_S,
      ...encryption,
      redrivePolicy: JSON.stringify({
        deadLetterTargetArn: this.deadLetterQueue.arn,
        maxReceiveCount: props.maxReceiveCount ?? 5,
      }),
    });
    for (const [name, queue] of [
      ["queue", this.queue],
      ["dead_letter", this.deadLetterQueue],
    ] as const) {
      new SqsQueuePolicy(this, `${name}_tls_only`, {
        queueUrl: queue.url,
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [denyInsecureTransport("DenyInsecureTransport", "sqs:*", queue.arn)],
        }),
      });
    }

    this.depthAlarms = (
      [
        [
          "queue",
          this.queue,
          "Fraud alerts waiting on the backup queue: the fraud topic refused them; replay them",
        ],
        [
          "dead_letter",
          this.deadLetterQueue,
          "Fraud alerts on the backup dead-letter queue: replay failed repeatedly; handle them by hand",
        ],
      ] as const
    ).map(([name, queue, description]) =>
      queueHasMessagesAlarm(this, `${name}_depth`, {
        alarmName: `${props.namePrefix}-fraud-alert-backup-${name === "queue" ? "waiting" : "dead-letter"}`,
        description,
        queueName: queue.name,
        alarmTopicArns: props.alarmTopicArns,
      }),
    );
  }
}
