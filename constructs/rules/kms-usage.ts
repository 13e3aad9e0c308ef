import { type StackResource, type StackView, pick, pickAll, referencesIn } from "./stack-view";

/**
 * How a service uses a key: on a caller's behalf (`kms:ViaService <service>.<region>.amazonaws.com`,
 * the caller's account allowed by the key policy) or as its own service principal.
 */
export interface KeyUser {
  readonly via?: readonly string[];
  readonly principal?: readonly string[];
  /** KMS actions the service calls. @default kms:Decrypt and kms:GenerateDataKey */
  readonly actions?: readonly string[];
}

/** Where resources name a KMS key, and which service then calls KMS with it. */
interface KeyUseSite {
  readonly type: string;
  /** Dotted path of the key argument; `list[]` iterates a block list. */
  readonly path: string;
  readonly user: KeyUser;
}

export const KEY_USE_SITES: readonly KeyUseSite[] = [
  { type: "aws_secretsmanager_secret", path: "kms_key_id", user: { via: ["secretsmanager"] } },
  // Secrets Manager re-encrypts each replica under a key of the replica's Region.
  { type: "aws_secretsmanager_secret", path: "replica[].kms_key_id", user: { via: ["secretsmanager"] } },
  { type: "aws_lambda_function", path: "kms_key_arn", user: { via: ["lambda"] } },
  { type: "aws_cloudwatch_log_group", path: "kms_key_id", user: { principal: ["logs"] } },
  { type: "aws_sns_topic", path: "kms_master_key_id", user: { via: ["sns"] } },
  { type: "aws_sqs_queue", path: "kms_master_key_id", user: { via: ["sqs"] } },
  { type: "aws_dynamodb_table", path: "server_side_encryption.kms_key_arn", user: { via: ["dynamodb"] } },
  { type: "aws_dynamodb_table_replica", path: "kms_key_arn", user: { via: ["dynamodb"] } },
  { type: "aws_kinesis_stream", path: "kms_key_id", user: { via: ["kinesis"] } },
  {
    type: "aws_kinesis_firehose_delivery_stream",
    path: "server_side_encryption.key_arn",
    user: { via: ["firehose"] },
  },
  // Firehose writes the objects; S3 asks KMS for the data key on the delivery role's behalf.
  {
    type: "aws_kinesis_firehose_delivery_stream",
    path: "extended_s3_configuration.kms_key_arn",
    user: { via: ["s3"] },
  },
  // S3 replication writes each copy under the destination Region's key on the replication role's behalf.
  {
    type: "aws_s3_bucket_replication_configuration",
    path: "rule[].destination.encryption_configuration.replica_kms_key_id",
    user: { via: ["s3"] },
  },
  {
    type: "aws_s3_bucket_server_side_encryption_configuration",
    path: "rule[].apply_server_side_encryption_by_default.kms_master_key_id",
    user: { via: ["s3"] },
  },
  {
    type: "aws_connect_instance_storage_config",
    path: "storage_config.s3_config.encryption_config.key_id",
    user: { via: ["connect", "s3"], principal: ["connect"] },
  },
  {
    type: "aws_connect_instance_storage_config",
    path: "storage_config.kinesis_video_stream_config.encryption_config.key_id",
    user: { via: ["kinesisvideo"], principal: ["connect"] },
  },
  // CloudTrail only writes: it never decrypts its own log files.
  {
    type: "aws_cloudtrail",
    path: "kms_key_id",
    user: { principal: ["cloudtrail"], actions: ["kms:GenerateDataKey"] },
  },
  { type: "aws_bedrock_guardrail", path: "kms_key_arn", user: { via: ["bedrock"] } },
];

/** One resource argument that names a key of this stack. */
export interface KeyUse {
  readonly resource: StackResource;
  readonly path: string;
  /** Address of the aws_kms_key. */
  readonly key: string;
  readonly user: KeyUser;
  /** Where the key is used, when not where the resource is: a secret's replica Region. @default the resource's Region */
  readonly region?: string;
}

/** The aws_kms_key a value names: directly, or through an aws_kms_alias of this stack. */
export function keyAddressOf(stack: StackView, value: unknown): string | undefined {
  for (const ref of referencesIn(value)) {
    if (ref.startsWith("aws_kms_key.")) return ref;
    if (ref.startsWith("aws_kms_alias.")) {
      const target = referencesIn(stack.get(ref)?.body.target_key_id).find((r) =>
        r.startsWith("aws_kms_key."),
      );
      if (target) return target;
    }
  }
  return undefined;
}

const ALARM_ACTIONS = ["alarm_actions", "ok_actions", "insufficient_data_actions"];

/** Alarms publishing to a topic encrypted with a stack key: CloudWatch (service principal) uses the key. */
function alarmPublishes(stack: StackView): KeyUse[] {
  return stack.ofType("aws_cloudwatch_metric_alarm").flatMap((resource) =>
    ALARM_ACTIONS.flatMap((path) =>
      referencesIn(resource.body[path])
        .filter((ref) => ref.startsWith("aws_sns_topic."))
        .flatMap((topic) => {
          const key = keyAddressOf(stack, stack.get(topic)?.body.kms_master_key_id);
          return key
            ? [{ resource, path: `${path} → ${topic}`, key, user: { principal: ["cloudwatch"] } }]
            : [];
        }),
    ),
  );
}

/** Connect streaming contact records or agent events into a stream encrypted with a stack key. */
function connectStreams(stack: StackView): KeyUse[] {
  return stack.ofType("aws_connect_instance_storage_config").flatMap((resource) => {
    const stream = referencesIn(pick(resource.body, "storage_config.kinesis_stream_config.stream_arn")).find(
      (r) => r.startsWith("aws_kinesis_stream."),
    );
    const key = stream && keyAddressOf(stack, stack.get(stream)?.body.kms_key_id);
    return key
      ? [
          {
            resource,
            path: `kinesis_stream_config → ${stream}`,
            key,
            user: { via: ["kinesis"], principal: ["connect"] },
          },
        ]
      : [];
  });
}

/**
 * EventBridge sending undeliverable events to a rule target's dead-letter queue encrypted with a
 * stack key: it calls KMS as its own service principal, not through an account principal.
 */
function eventDeadLetters(stack: StackView): KeyUse[] {
  return stack.ofType("aws_cloudwatch_event_target").flatMap((resource) => {
    const queue = referencesIn(pick(resource.body, "dead_letter_config.arn")).find((r) =>
      r.startsWith("aws_sqs_queue."),
    );
    const key = queue && keyAddressOf(stack, stack.get(queue)?.body.kms_master_key_id);
    return key
      ? [{ resource, path: `dead_letter_config → ${queue}`, key, user: { principal: ["events"] } }]
      : [];
  });
}

/** Every place the stack names one of its own keys, with the service that will use it. */
export function keyUses(stack: StackView): KeyUse[] {
  return [...siteUses(stack), ...alarmPublishes(stack), ...connectStreams(stack), ...eventDeadLetters(stack)];
}

function siteUses(stack: StackView): KeyUse[] {
  return KEY_USE_SITES.flatMap((site) =>
    stack.ofType(site.type).flatMap((resource) => {
      const [listPath, rest] = site.path.includes("[].") ? site.path.split("[].") : [undefined, site.path];
      const values = listPath ? pickAll(resource.body, listPath, rest) : [pick(resource.body, rest)];
      // A block with a Region of its own (a secret's replica) uses the key there.
      const regions = listPath ? pickAll(resource.body, listPath, "region") : [];
      return values.flatMap((value, i) => {
        const key = keyAddressOf(stack, value);
        const region = regions[i];
        return key
          ? [
              {
                resource,
                path: site.path,
                key,
                user: site.user,
                ...(typeof region === "string" ? { region } : {}),
              },
            ]
          : [];
      });
    }),
  );
}
