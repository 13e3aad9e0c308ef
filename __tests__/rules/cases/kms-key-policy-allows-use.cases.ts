import { ACCOUNT_ROOT, fragment, policy, ref, type RuleCases } from "../support";

const via = (...services: string[]) => ({
  Sid: "UseThroughAccountServices",
  Effect: "Allow",
  Principal: ACCOUNT_ROOT,
  Action: [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:DescribeKey",
    "kms:CreateGrant",
  ],
  Resource: "*",
  Condition: {
    StringEquals: {
      "kms:CallerAccount": "${data.aws_caller_identity.current.account_id}",
      "kms:ViaService": services.map((s) => `${s}.\${data.aws_region.current.region}.amazonaws.com`),
    },
  },
});
const servicePrincipal = (service: string, actions = ["kms:Decrypt", "kms:GenerateDataKey*"]) => ({
  Effect: "Allow",
  Principal: { Service: service },
  Action: actions,
  Resource: "*",
});

/** The stack key's policy before issue 11: no secretsmanager, no lambda. */
const TODAYS_POLICY = policy(
  via("connect", "dynamodb", "s3", "sns", "kinesis", "firehose"),
  servicePrincipal("connect.amazonaws.com"),
  servicePrincipal("logs.${data.aws_region.current.region}.amazonaws.com", [
    "kms:Encrypt*",
    "kms:Decrypt*",
    "kms:GenerateDataKey*",
  ]),
  servicePrincipal("cloudwatch.amazonaws.com"),
);
const KEY = "aws_kms_key.k";
const withKey = (
  keyPolicy: string | undefined,
  resources: Record<string, Record<string, Record<string, unknown>>>,
) => fragment({ aws_kms_key: { k: keyPolicy === undefined ? {} : { policy: keyPolicy } }, ...resources });
const secret = { aws_secretsmanager_secret: { s: { kms_key_id: ref(KEY) } } };
const lambda = { aws_lambda_function: { f: { kms_key_arn: ref(KEY) } } };

export const cases: RuleCases = {
  valid: {
    "secret whose key allows secretsmanager": { json: withKey(policy(via("secretsmanager")), secret) },
    "secret through an alias of the key": {
      json: withKey(policy(via("secretsmanager")), {
        aws_kms_alias: { a: { target_key_id: ref(KEY, "key_id") } },
        aws_secretsmanager_secret: { s: { kms_key_id: ref("aws_kms_alias.a") } },
      }),
    },
    "key without a policy (the default lets the account use it)": { json: withKey(undefined, secret) },
    "account statement without a ViaService condition": {
      json: withKey(policy({ ...via(), Condition: undefined }), lambda),
    },
    "log group with the logs service principal": {
      json: withKey(TODAYS_POLICY, { aws_cloudwatch_log_group: { g: { kms_key_id: ref(KEY) } } }),
    },
    "CloudTrail needs only GenerateDataKey": {
      json: withKey(policy(servicePrincipal("cloudtrail.amazonaws.com", ["kms:GenerateDataKey*"])), {
        aws_cloudtrail: { t: { kms_key_id: ref(KEY) } },
      }),
    },
    "AWS managed key (not the stack's)": {
      json: withKey(TODAYS_POLICY, { aws_kinesis_stream: { s: { kms_key_id: "alias/aws/kinesis" } } }),
    },
    "alarm publishing to an encrypted topic CloudWatch may use": {
      json: withKey(TODAYS_POLICY, {
        aws_sns_topic: { t: { kms_master_key_id: ref(KEY) } },
        aws_cloudwatch_metric_alarm: { a: { alarm_actions: [ref("aws_sns_topic.t")] } },
      }),
    },
    "rule target dead-lettering to a queue EventBridge may use": {
      json: withKey(policy(via("sqs"), servicePrincipal("events.amazonaws.com")), {
        aws_sqs_queue: { q: { kms_master_key_id: ref(KEY) } },
        aws_cloudwatch_event_target: { t: { dead_letter_config: { arn: ref("aws_sqs_queue.q", "arn") } } },
      }),
    },
    "rule target dead-lettering to an unencrypted queue": {
      json: withKey(policy(via("sqs")), {
        aws_sqs_queue: { q: {} },
        aws_cloudwatch_event_target: { t: { dead_letter_config: { arn: ref("aws_sqs_queue.q", "arn") } } },
      }),
    },
    "bucket encryption through s3": {
      json: withKey(TODAYS_POLICY, {
        aws_s3_bucket_server_side_encryption_configuration: {
          e: { rule: [{ apply_server_side_encryption_by_default: { kms_master_key_id: ref(KEY) } }] },
        },
      }),
    },
  },
  invalid: {
    "today's policy refuses Secrets Manager and Lambda environments": {
      json: withKey(TODAYS_POLICY, {
        ...secret,
        ...lambda,
        aws_sqs_queue: { q: { kms_master_key_id: ref(KEY) } },
      }),
      findings: [
        ["aws_secretsmanager_secret.s", /kms_key_id names aws_kms_key.k.*ViaService secretsmanager/],
        ["aws_lambda_function.f", /ViaService lambda/],
        ["aws_sqs_queue.q", /ViaService sqs/],
      ],
    },
    "statement allows Encrypt only": {
      json: withKey(policy({ ...via("secretsmanager"), Action: ["kms:Encrypt"] }), secret),
      findings: [["aws_secretsmanager_secret.s", /refuses kms:Decrypt, kms:GenerateDataKey/]],
    },
    "deny statement naming the service": {
      json: withKey(policy({ ...via("secretsmanager"), Effect: "Deny" }), secret),
      findings: [["aws_secretsmanager_secret.s", /secretsmanager/]],
    },
    "log group when logs is not a principal": {
      json: withKey(policy(via("logs")), { aws_cloudwatch_log_group: { g: { kms_key_id: ref(KEY) } } }),
      findings: [["aws_cloudwatch_log_group.g", /service principal logs/]],
    },
    "rule target dead-lettering to a queue only account principals may use": {
      json: withKey(policy(via("sqs")), {
        aws_sqs_queue: { q: { kms_master_key_id: ref(KEY) } },
        aws_cloudwatch_event_target: { t: { dead_letter_config: { arn: ref("aws_sqs_queue.q", "arn") } } },
      }),
      findings: [
        [
          "aws_cloudwatch_event_target.t",
          /dead_letter_config → aws_sqs_queue.q names aws_kms_key.k.*service principal events/,
        ],
      ],
    },
    "alarm publishing to a topic CloudWatch may not use": {
      json: withKey(policy(via("sns")), {
        aws_sns_topic: { t: { kms_master_key_id: ref(KEY) } },
        aws_cloudwatch_metric_alarm: { a: { ok_actions: [ref("aws_sns_topic.t")] } },
      }),
      findings: [
        ["aws_cloudwatch_metric_alarm.a", /ok_actions → aws_sns_topic.t.*service principal cloudwatch/],
      ],
    },
    "Connect streaming into a stream whose key neither Connect nor Kinesis may use": {
      json: withKey(policy(via("s3")), {
        aws_kinesis_stream: { s: { kms_key_id: ref(KEY) } },
        aws_connect_instance_storage_config: {
          ctr: { storage_config: { kinesis_stream_config: { stream_arn: ref("aws_kinesis_stream.s") } } },
        },
      }),
      findings: [
        ["aws_kinesis_stream.s", /kms_key_id names aws_kms_key.k.*ViaService kinesis/],
        [
          "aws_connect_instance_storage_config.ctr",
          /kinesis_stream_config → aws_kinesis_stream.s.*service principal connect/,
        ],
      ],
    },
    "Firehose S3 destination key without s3": {
      json: withKey(policy(via("firehose")), {
        aws_kinesis_firehose_delivery_stream: { d: { extended_s3_configuration: { kms_key_arn: ref(KEY) } } },
      }),
      findings: [
        ["aws_kinesis_firehose_delivery_stream.d", /extended_s3_configuration.kms_key_arn.*ViaService s3/],
      ],
    },
  },
};
