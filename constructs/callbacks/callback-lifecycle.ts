import { queueHasMessagesAlarm } from "../observability/queue-alarm";
import { denyInsecureTransport } from "../core/policy";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { LambdaFunctionEventInvokeConfig } from "@cdktf/provider-aws/lib/lambda-function-event-invoke-config";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { Construct } from "constructs";
import { NodejsLambda } from "../lambda/nodejs-lambda";
import type { LambdaPolicyStatement, LambdaZip, LogRetentionDays } from "../lambda/types";

export interface CallbackLifecycleProps {
  /** Prefix of the function, rule, queue and alarm names (`<prefix>-callback-status`). */
  readonly namePrefix: string;
  /** Bundle of lambda/callback_status (bundleLambda at synth, or a prebuilt zip). */
  readonly code: LambdaZip;
  /**
   * Name of the function's execution role. IAM is global: the same function in a DR replica
   * Region needs a role of its own name.
   * @default `<prefix>-callback-status-role`
   */
  readonly roleName?: string;
  /**
   * The stack key: function environment, log group and dead-letter queue. Its policy must let
   * EventBridge use it as a service principal (EncryptionKey `queueSenderServices`).
   */
  readonly kmsKeyArn: string;
  /** The callbacks table (hash `callback_id`, range `requested_at`; SecurityTables `callbacks`). */
  readonly callbacksTable: { readonly name: string; readonly arn: string };
  /** Only this instance's contacts. */
  readonly connectInstanceArn: string;
  /** Namespace of the CallbackStatusEvents count: config `observability.contactMetricsNamespace`. */
  readonly metricsNamespace: string;
  /** Topic told when an event lands on the dead-letter queue. */
  readonly alarmTopicArn: string;
  /** EventBridge retries of an invocation it could not deliver (0-185). @default 24 */
  readonly targetRetryAttempts?: number;
  /** Age after which EventBridge stops retrying an undelivered event (60-86400 s). @default 21600 */
  readonly targetMaximumEventAgeSeconds?: number;
  /** Lambda's retries of an invocation that failed (0-2). @default 2 */
  readonly functionRetryAttempts?: number;
  /** Age after which Lambda stops retrying a failed event (60-21600 s). @default 21600 */
  readonly functionMaximumEventAgeSeconds?: number;
  /** @default 365 */
  readonly logRetentionDays?: LogRetentionDays;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The lifecycle events of a callback contact (lambda/callback_status/lifecycle.ts maps them). */
export const CALLBACK_EVENT_TYPES = [
  "INITIATED",
  "QUEUED",
  "CONNECTED_TO_AGENT",
  "DISCONNECTED",
  "COMPLETED",
] as const;

/** Name of the function, rule and queue: `<prefix>-callback-status`. */
export const callbackStatusName = (namePrefix: string): string => `${namePrefix}-callback-status`;

/** Fourteen days, the SQS maximum: time to find the cause and replay. */
const RETENTION_S = 14 * 24 * 60 * 60;

function validate(at: string, props: CallbackLifecycleProps): void {
  const fail = (message: string) => {
    throw new Error(`CallbackLifecycle at ${at}: ${message}`);
  };
  const whole = (value: number | undefined, min: number, max: number) =>
    value === undefined || (Number.isInteger(value) && value >= min && value <= max);
  if (props.connectInstanceArn.trim() === "" || props.connectInstanceArn.includes("*"))
    fail(`connectInstanceArn "${props.connectInstanceArn}" must be the exact ARN of the instance`);
  if (props.metricsNamespace.trim() === "" || props.metricsNamespace.startsWith("AWS/"))
    fail(`metricsNamespace "${props.metricsNamespace}" must be non-empty and not start with "AWS/"`);
  if (!whole(props.targetRetryAttempts, 0, 185))
    fail(`targetRetryAttempts ${props.targetRetryAttempts} must be a whole number from 0 to 185`);
  if (!whole(props.targetMaximumEventAgeSeconds, 60, 86400))
    fail(
      `targetMaximumEventAgeSeconds ${props.targetMaximumEventAgeSeconds} must be whole seconds from 60 to 86400`,
    );
  if (!whole(props.functionRetryAttempts, 0, 2))
    fail(`functionRetryAttempts ${props.functionRetryAttempts} must be 0, 1 or 2`);
  if (!whole(props.functionMaximumEventAgeSeconds, 60, 21600))
    fail(
      `functionMaximumEventAgeSeconds ${props.functionMaximumEventAgeSeconds} must be whole seconds from 60 to 21600`,
    );
}

/**
 * Gives each callbacks-table request a lifecycle past PENDING: an EventBridge rule sends the
 * Amazon Connect contact events of this instance's callback contacts (initiationMethod CALLBACK)
 * to lambda/callback_status, which moves the record forward. Nothing is lost quietly: an event
 * EventBridge cannot deliver, and one the function still fails on after Lambda's retries, both
 * land on one dead-letter queue (encrypted with the stack key), and its first message raises an
 * alarm. The function may only Query and UpdateItem the callbacks table.
 */
export class CallbackLifecycle extends Construct {
  public readonly lambda: NodejsLambda;
  public readonly rule: CloudwatchEventRule;
  public readonly target: CloudwatchEventTarget;
  public readonly deadLetterQueue: SqsQueue;
  public readonly deadLetterAlarm: CloudwatchMetricAlarm;
  /** Function name, for dashboards. */
  public readonly functionName: string;

  constructor(scope: Construct, id: string, props: CallbackLifecycleProps) {
    super(scope, id);
    validate(this.node.path, props);
    const name = callbackStatusName(props.namePrefix);

    this.deadLetterQueue = new SqsQueue(this, "dead_letter", {
      name: `${name}-dlq`,
      messageRetentionSeconds: RETENTION_S,
      kmsMasterKeyId: props.kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: 300,
    });

    const statements: LambdaPolicyStatement[] = [
      // Find a request by its hash key, then one conditional update: no Put, no Delete, no Scan.
      {
        sid: "CallbackStatus",
        actions: ["dynamodb:Query", "dynamodb:UpdateItem"],
        resources: [props.callbacksTable.arn],
      },
      // Lambda sends failed events to the on-failure destination with the function's role.
      { sid: "DeadLetterFailedEvents", actions: ["sqs:SendMessage"], resources: [this.deadLetterQueue.arn] },
      {
        sid: "EncryptDeadLetters",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [props.kmsKeyArn],
        condition: { StringLike: { "kms:ViaService": "sqs.*.amazonaws.com" } },
      },
    ];
    this.lambda = new NodejsLambda(this, "Lambda", {
      functionName: name,
      ...(props.roleName !== undefined ? { roleName: props.roleName } : {}),
      code: props.code,
      // One event, one query and one update.
      memorySize: 256,
      timeout: 10,
      kmsKeyArn: props.kmsKeyArn,
      statements,
      ...(props.logRetentionDays !== undefined ? { logRetentionDays: props.logRetentionDays } : {}),
      ...(props.tags ? { tags: props.tags } : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: name,
        POWERTOOLS_LOG_LEVEL: "INFO",
        CALLBACK_TABLE_NAME: props.callbacksTable.name,
        CALLBACK_METRICS_NAMESPACE: props.metricsNamespace,
      },
    });
    this.functionName = this.lambda.function.functionName;

    // EventBridge invokes asynchronously: after Lambda's own retries the event goes to the queue.
    new LambdaFunctionEventInvokeConfig(this, "async_invoke", {
      functionName: this.lambda.function.functionName,
      qualifier: this.lambda.alias.name,
      maximumRetryAttempts: props.functionRetryAttempts ?? 2,
      maximumEventAgeInSeconds: props.functionMaximumEventAgeSeconds ?? 21600,
      destinationConfig: { onFailure: { destination: this.deadLetterQueue.arn } },
      // Lambda checks the role may send to the destination when the config is written.
      dependsOn: [this.lambda.policy],
    });

    this.rule = new CloudwatchEventRule(this, "rule", {
      name,
      description: "Amazon Connect contact events of callback contacts to the callbacks-table lifecycle",
      eventPattern: JSON.stringify({
        source: ["aws.connect"],
        "detail-type": ["Amazon Connect Contact Event"],
        detail: {
          instanceArn: [props.connectInstanceArn],
          initiationMethod: ["CALLBACK"],
          eventType: [...CALLBACK_EVENT_TYPES],
        },
      }),
    });
    this.target = new CloudwatchEventTarget(this, "target", {
      rule: this.rule.name,
      targetId: "CallbackStatus",
      arn: this.lambda.aliasArn,
      deadLetterConfig: { arn: this.deadLetterQueue.arn },
      retryPolicy: {
        maximumRetryAttempts: props.targetRetryAttempts ?? 24,
        maximumEventAgeInSeconds: props.targetMaximumEventAgeSeconds ?? 21600,
      },
    });
    this.lambda.allowInvoke("EventBridge", "events.amazonaws.com", this.rule.arn);

    new SqsQueuePolicy(this, "dead_letter_policy", {
      queueUrl: this.deadLetterQueue.url,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          denyInsecureTransport("DenyInsecureTransport", "sqs:*", this.deadLetterQueue.arn),
          // EventBridge needs this for a target's dead-letter queue; only this rule may send.
          {
            Sid: "RuleDeadLetters",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: this.deadLetterQueue.arn,
            Condition: { ArnEquals: { "aws:SourceArn": this.rule.arn } },
          },
        ],
      }),
    });

    this.deadLetterAlarm = queueHasMessagesAlarm(this, "dead_letter_depth", {
      alarmName: `${name}-dead-letter`,
      description:
        "Callback contact events on the dead-letter queue: callbacks-table records stopped short of their state; find the cause and replay",
      queueName: this.deadLetterQueue.name,
      alarmTopicArns: [props.alarmTopicArn],
    });
  }
}
