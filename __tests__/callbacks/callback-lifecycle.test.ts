import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { join } from "node:path";
import { CallbackLifecycle, type CallbackLifecycleProps } from "../../constructs/callbacks";
import { AddressedStack } from "../../constructs/core/addresses";
import { zipFromFile } from "../../constructs/lambda/types";
import { resourcesOf, synthStack } from "../support/synth";

const KEY = "arn:aws:kms:eu-west-2:111122223333:key/stack";
const TABLE = "arn:aws:dynamodb:eu-west-2:111122223333:table/cc-callbacks";
const INSTANCE = "arn:aws:connect:eu-west-2:111122223333:instance/0f3c9f27-6a51-4d4e-9a3e-2d8b7c1e5a10";
const base: CallbackLifecycleProps = {
  namePrefix: "cc",
  code: zipFromFile(join(__dirname, "../lambda/fixtures/prebuilt.zip")),
  kmsKeyArn: KEY,
  callbacksTable: { name: "cc-callbacks", arn: TABLE },
  connectInstanceArn: INSTANCE,
  metricsNamespace: "ConnectComprehensive/ContactRecords",
  alarmTopicArn: "arn:aws:sns:eu-west-2:111122223333:cc-alarms",
};

function synth(props: Partial<CallbackLifecycleProps> = {}): Record<string, Record<string, any>> {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-2" });
  new CallbackLifecycle(stack, "callback_status", { ...base, ...props });
  return JSON.parse(Testing.synth(stack, true)).resource;
}

const only = (r: Record<string, Record<string, any>>, type: string) => {
  const all = Object.values(r[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe("CallbackLifecycle", () => {
  const r = synth();

  it("matches only this instance's callback contacts and the lifecycle's event types", () => {
    expect(JSON.parse(only(r, "aws_cloudwatch_event_rule").event_pattern)).toStrictEqual({
      source: ["aws.connect"],
      "detail-type": ["Amazon Connect Contact Event"],
      detail: {
        instanceArn: [INSTANCE],
        initiationMethod: ["CALLBACK"],
        eventType: ["INITIATED", "QUEUED", "CONNECTED_TO_AGENT", "DISCONNECTED", "COMPLETED"],
      },
    });
  });

  it("targets the live alias with bounded retries and a dead-letter queue, invocable by that rule only", () => {
    const dlq = "${aws_sqs_queue.callback_status_dead_letter.arn}";
    expect(only(r, "aws_cloudwatch_event_target")).toStrictEqual({
      rule: "${aws_cloudwatch_event_rule.callback_status_rule.name}",
      target_id: "CallbackStatus",
      arn: "${aws_lambda_alias.callback_status_lambda_alias.arn}",
      dead_letter_config: { arn: dlq },
      retry_policy: { maximum_retry_attempts: 24, maximum_event_age_in_seconds: 21600 },
    });
    expect(only(r, "aws_lambda_function_event_invoke_config")).toStrictEqual({
      function_name: "${aws_lambda_function.callback_status_lambda_function.function_name}",
      qualifier: "${aws_lambda_alias.callback_status_lambda_alias.name}",
      maximum_retry_attempts: 2,
      maximum_event_age_in_seconds: 21600,
      destination_config: { on_failure: { destination: dlq } },
      depends_on: ["aws_iam_role_policy.callback_status_lambda_policy"],
    });
    expect(only(r, "aws_lambda_permission")).toMatchObject({
      principal: "events.amazonaws.com",
      source_arn: "${aws_cloudwatch_event_rule.callback_status_rule.arn}",
      qualifier: "${aws_lambda_alias.callback_status_lambda_alias.name}",
    });
  });

  it("may Query and UpdateItem the callbacks table and dead-letter, nothing more", () => {
    const policy = JSON.parse(only(r, "aws_iam_role_policy").policy);
    const mine = policy.Statement.filter(
      (s: any) => !["WriteOwnLogs", "DecryptEnvironment", "WriteTraces"].includes(s.Sid),
    );
    expect(mine).toStrictEqual([
      {
        Sid: "CallbackStatus",
        Effect: "Allow",
        Action: ["dynamodb:Query", "dynamodb:UpdateItem"],
        Resource: [TABLE],
      },
      {
        Sid: "DeadLetterFailedEvents",
        Effect: "Allow",
        Action: ["sqs:SendMessage"],
        Resource: ["${aws_sqs_queue.callback_status_dead_letter.arn}"],
      },
      {
        Sid: "EncryptDeadLetters",
        Effect: "Allow",
        Action: ["kms:GenerateDataKey", "kms:Decrypt"],
        Resource: [KEY],
        Condition: { StringLike: { "kms:ViaService": "sqs.*.amazonaws.com" } },
      },
    ]);
    const actions = policy.Statement.flatMap((s: any) => s.Action);
    expect(actions.filter((a: string) => a.startsWith("dynamodb:"))).toStrictEqual([
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]);
  });

  it("encrypts the queue, environment and logs with the stack key; the queue refuses plain HTTP and other rules", () => {
    expect(only(r, "aws_sqs_queue")).toMatchObject({
      name: "cc-callback-status-dlq",
      kms_master_key_id: KEY,
      message_retention_seconds: 1209600,
    });
    expect(only(r, "aws_lambda_function")).toMatchObject({
      function_name: "cc-callback-status",
      kms_key_arn: KEY,
      environment: {
        variables: expect.objectContaining({
          CALLBACK_TABLE_NAME: "cc-callbacks",
          CALLBACK_METRICS_NAMESPACE: "ConnectComprehensive/ContactRecords",
        }),
      },
    });
    expect(only(r, "aws_cloudwatch_log_group")).toMatchObject({
      name: "/aws/lambda/cc-callback-status",
      kms_key_id: KEY,
      retention_in_days: 365,
    });
    const queuePolicy = JSON.parse(only(r, "aws_sqs_queue_policy").policy);
    expect(queuePolicy.Statement).toStrictEqual([
      expect.objectContaining({
        Effect: "Deny",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
      {
        Sid: "RuleDeadLetters",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: "${aws_sqs_queue.callback_status_dead_letter.arn}",
        Condition: {
          ArnEquals: { "aws:SourceArn": "${aws_cloudwatch_event_rule.callback_status_rule.arn}" },
        },
      },
    ]);
  });

  it("alarms on the first dead-lettered event and on recovery", () => {
    expect(only(r, "aws_cloudwatch_metric_alarm")).toMatchObject({
      alarm_name: "cc-callback-status-dead-letter",
      namespace: "AWS/SQS",
      metric_name: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: "${aws_sqs_queue.callback_status_dead_letter.name}" },
      comparison_operator: "GreaterThanThreshold",
      threshold: 0,
      alarm_actions: [base.alarmTopicArn],
      ok_actions: [base.alarmTopicArn],
    });
  });

  it("takes retry settings within what EventBridge and Lambda accept", () => {
    const target = only(
      synth({ targetRetryAttempts: 0, targetMaximumEventAgeSeconds: 60 }),
      "aws_cloudwatch_event_target",
    );
    expect(target.retry_policy).toStrictEqual({
      maximum_retry_attempts: 0,
      maximum_event_age_in_seconds: 60,
    });
  });

  it.each<[Partial<CallbackLifecycleProps>, RegExp]>([
    [{ targetRetryAttempts: 186 }, /targetRetryAttempts 186 must be a whole number from 0 to 185/],
    [{ targetMaximumEventAgeSeconds: 86401 }, /targetMaximumEventAgeSeconds 86401/],
    [{ functionRetryAttempts: 3 }, /functionRetryAttempts 3 must be 0, 1 or 2/],
    [{ functionMaximumEventAgeSeconds: 30 }, /functionMaximumEventAgeSeconds 30/],
    [{ connectInstanceArn: "*" }, /connectInstanceArn "\*" must be the exact ARN/],
    [{ metricsNamespace: "AWS/Connect" }, /metricsNamespace "AWS\/Connect"/],
  ])("refuses %p naming the construct path", (props, message) => {
    expect(() => synth(props)).toThrow(
      new RegExp(`CallbackLifecycle at test/callback_status: ${message.source}`),
    );
  });
});

describe("the callback lifecycle in the whole stack (dev)", () => {
  const { json } = synthStack("dev");
  const resources = resourcesOf(json);
  const named = (type: string, name: string) =>
    resources.find(([t, n]) => t === type && n === name)?.[2] as Record<string, any>;

  it("filters on the stack's instance, reads the callbacks table, alarms to the operations topic", () => {
    const pattern = JSON.parse(named("aws_cloudwatch_event_rule", "callback_status_rule").event_pattern);
    expect(pattern.detail.instanceArn).toStrictEqual([
      "${aws_connect_instance.connect_instance_instance.arn}",
    ]);
    const policy = JSON.parse(named("aws_iam_role_policy", "callback_status_lambda_policy").policy);
    expect(policy.Statement.find((s: any) => s.Sid === "CallbackStatus").Resource).toStrictEqual([
      "${aws_dynamodb_table.security_callbacks_table.arn}",
    ]);
    expect(
      named("aws_cloudwatch_metric_alarm", "callback_status_dead_letter_depth").alarm_actions,
    ).toStrictEqual(["${aws_sns_topic.alerts_alarms_topic.arn}"]);
  });

  it("lets EventBridge use the stack key for the dead-letter queue it encrypts", () => {
    expect(named("aws_sqs_queue", "callback_status_dead_letter").kms_master_key_id).toBe(
      "${aws_kms_key.connect_kms_key_key.arn}",
    );
    const keyPolicy = JSON.parse(named("aws_kms_key", "connect_kms_key_key").policy);
    expect(keyPolicy.Statement.find((s: any) => s.Sid === "SendToEncryptedQueues")).toMatchObject({
      Principal: { Service: ["events.amazonaws.com"] },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Condition: { StringEquals: { "aws:SourceAccount": expect.any(String) } },
    });
  });
});
