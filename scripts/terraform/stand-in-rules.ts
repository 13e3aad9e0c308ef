/**
 * The stand-in table of stand-ins.ts: per resource type, how AWS and the provider's Create set each
 * computed attribute the original stack's plan leaves unknown. Ids in the provider's format (its
 * `d.SetId` / the framework's `ID`), ARNs in each service's documented format, in the resource's
 * provider region and the given account; every generated part derived from the resource address.
 */
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { lineageOf } from "./state-input";

export interface StandInContext {
  /** Resource instance address: the seed of every generated part. */
  readonly address: string;
  /** The resource's values so far (known ones, and stand-ins filled before this one). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly region: string;
  readonly accountId: string;
}

export type Rule = (c: StandInContext) => unknown;

/** The moment every stand-in timestamp names. */
export const STAND_IN_TIME = "2025-01-01T00:00:00Z";

const str = (c: StandInContext, key: string): string => {
  const v = c.values[key];
  return typeof v === "string" ? v : "";
};

function digest(seed: string): Buffer {
  return createHash("sha256").update(seed).digest();
}

/** `n` characters of `alphabet` derived from the seed. */
export function token(seed: string, n: number, alphabet: string): string {
  const bytes = digest(seed);
  return Array.from({ length: n }, (_, i) => alphabet[bytes[i % bytes.length]! % alphabet.length]!).join("");
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
const uuid = (c: StandInContext) => lineageOf(c.address);
/** Terraform's `id.PrefixedUniqueId`: prefix, a UTC timestamp to 1/10000 s, an 8-hex counter. */
const uniqueId = (prefix: string, c: StandInContext) =>
  `${prefix}202501010000000000${digest(c.address).toString("hex").slice(0, 8)}`;
const arn = (
  c: StandInContext,
  service: string,
  resource: string,
  region = c.region,
  account = c.accountId,
) => `arn:aws:${service}:${region}:${account}:${resource}`;
const connectArn = (c: StandInContext, kind: string, idKey: string) =>
  arn(c, "connect", `instance/${str(c, "instance_id")}/${kind}/${str(c, idKey)}`);
const connectId = (idKey: string) => (c: StandInContext) => `${str(c, "instance_id")}:${str(c, idKey)}`;
const byName = (c: StandInContext) => str(c, "name");

/** Route 53 zone of S3 website/alias records per region (the documented S3 endpoints table). */
const S3_HOSTED_ZONES: Record<string, string> = {
  "eu-west-2": "Z3GKZC51ZF0DB4",
  "us-east-1": "Z3AQBSTGFYJSTF",
};
const LEX_LOCALE_NAMES: Record<string, string> = { en_GB: "English (GB)", en_US: "English (US)" };

/**
 * Per resource type, the computed attributes the original stack's plan leaves unknown, in the order
 * they are filled (a later rule may read an earlier one). Id formats are those the provider's Create
 * sets (hashicorp/terraform-provider-aws 5.x, `d.SetId` / the framework's `ID`).
 */
export const RESOURCE_RULES: Readonly<Record<string, ReadonlyArray<readonly [string, Rule]>>> = {
  aws_apigatewayv2_api: [
    ["id", (c) => token(c.address, 10, LOWER)],
    ["arn", (c) => `arn:aws:apigateway:${c.region}::/apis/${str(c, "id")}`],
    ["execution_arn", (c) => arn(c, "execute-api", str(c, "id"))],
    ["api_endpoint", (c) => `https://${str(c, "id")}.execute-api.${c.region}.amazonaws.com`],
  ],
  aws_apigatewayv2_stage: [
    ["id", byName],
    ["arn", (c) => `arn:aws:apigateway:${c.region}::/apis/${str(c, "api_id")}/stages/${str(c, "name")}`],
    ["execution_arn", (c) => arn(c, "execute-api", `${str(c, "api_id")}/${str(c, "name")}`)],
    [
      "invoke_url",
      (c) =>
        `https://${str(c, "api_id")}.execute-api.${c.region}.amazonaws.com/${str(c, "name") === "$default" ? "" : str(c, "name")}`,
    ],
  ],
  aws_apigatewayv2_integration: [
    ["id", (c) => token(c.address, 7, LOWER)],
    ["timeout_milliseconds", () => 30000],
  ],
  aws_apigatewayv2_route: [["id", (c) => token(c.address, 7, LOWER)]],
  aws_bedrock_guardrail: [
    ["guardrail_id", (c) => token(c.address, 12, LOWER)],
    ["guardrail_arn", (c) => arn(c, "bedrock", `guardrail/${str(c, "guardrail_id")}`)],
    ["version", () => "DRAFT"],
    ["status", () => "READY"],
    ["created_at", () => STAND_IN_TIME],
  ],
  aws_bedrock_guardrail_version: [["version", () => "1"]],
  aws_cloudfront_distribution: [
    ["id", (c) => `E${token(c.address, 13, UPPER)}`],
    ["arn", (c) => arn(c, "cloudfront", `distribution/${str(c, "id")}`, "")],
    ["caller_reference", (c) => uniqueId("terraform-", c)],
    ["domain_name", (c) => `d${token(c.address, 13, LOWER)}.cloudfront.net`],
    ["etag", (c) => `E${token(`${c.address}#etag`, 13, UPPER)}`],
    ["hosted_zone_id", () => "Z2FDTNDATAQYW2"],
    ["status", () => "Deployed"],
    ["last_modified_time", () => STAND_IN_TIME],
    ["trusted_key_groups", () => [{ enabled: false, items: [] }]],
    ["trusted_signers", () => [{ enabled: false, items: [] }]],
  ],
  aws_cloudfront_origin_access_control: [
    ["id", (c) => `E${token(c.address, 13, UPPER)}`],
    ["arn", (c) => arn(c, "cloudfront", `origin-access-control/${str(c, "id")}`, "")],
    ["etag", (c) => `E${token(`${c.address}#etag`, 13, UPPER)}`],
  ],
  aws_cloudtrail: [
    ["arn", (c) => arn(c, "cloudtrail", `trail/${str(c, "name")}`)],
    ["id", (c) => str(c, "arn")],
    ["home_region", (c) => c.region],
  ],
  aws_cloudwatch_dashboard: [
    ["dashboard_arn", (c) => arn(c, "cloudwatch", `dashboard/${str(c, "dashboard_name")}`, "")],
    ["id", (c) => str(c, "dashboard_name")],
  ],
  aws_cloudwatch_event_rule: [
    ["arn", (c) => arn(c, "events", `rule/${str(c, "name")}`)],
    ["id", byName],
  ],
  aws_cloudwatch_event_target: [
    ["target_id", (c) => uniqueId("terraform-", c)],
    ["id", (c) => `${str(c, "rule")}-${str(c, "target_id")}`],
  ],
  aws_cloudwatch_log_group: [
    ["id", byName],
    ["arn", (c) => arn(c, "logs", `log-group:${str(c, "name")}`)],
    ["log_group_class", () => "STANDARD"],
  ],
  aws_cloudwatch_log_resource_policy: [["id", (c) => str(c, "policy_name")]],
  // One filter per group when the provider was written: "cwlsf-" + crc32 of "<group>-".
  aws_cloudwatch_log_subscription_filter: [["id", (c) => `cwlsf-${crc32(`${str(c, "log_group_name")}-`)}`]],
  aws_cloudwatch_metric_alarm: [
    ["id", (c) => str(c, "alarm_name")],
    ["arn", (c) => arn(c, "cloudwatch", `alarm:${str(c, "alarm_name")}`)],
  ],
  aws_cloudwatch_metric_stream: [
    ["id", byName],
    ["arn", (c) => arn(c, "cloudwatch", `metric-stream/${str(c, "name")}`)],
    ["creation_date", () => STAND_IN_TIME],
    ["last_update_date", () => STAND_IN_TIME],
    ["state", () => "running"],
  ],
  aws_connect_instance: [
    ["id", uuid],
    ["arn", (c) => arn(c, "connect", `instance/${str(c, "id")}`)],
    ["created_time", () => STAND_IN_TIME],
    [
      "service_role",
      (c) =>
        `arn:aws:iam::${c.accountId}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_${token(c.address, 20, UPPER)}`,
    ],
    ["status", () => "ACTIVE"],
  ],
  aws_connect_contact_flow: [
    ["contact_flow_id", uuid],
    ["id", connectId("contact_flow_id")],
    ["arn", (c) => connectArn(c, "contact-flow", "contact_flow_id")],
  ],
  aws_connect_queue: [
    ["queue_id", uuid],
    ["id", connectId("queue_id")],
    ["arn", (c) => connectArn(c, "queue", "queue_id")],
    ["status", () => "ENABLED"],
  ],
  aws_connect_quick_connect: [
    ["quick_connect_id", uuid],
    ["id", connectId("quick_connect_id")],
    ["arn", (c) => connectArn(c, "transfer-destination", "quick_connect_id")],
  ],
  aws_connect_instance_storage_config: [
    ["association_id", (c) => digest(c.address).toString("hex")],
    ["id", (c) => `${str(c, "instance_id")}:${str(c, "association_id")}:${str(c, "resource_type")}`],
  ],
  aws_connect_phone_number: [
    ["id", uuid],
    ["arn", (c) => arn(c, "connect", `phone-number/${str(c, "id")}`)],
    // Ofcom's drama range (+44 20 7946 0xxx) and a freephone number: never a real subscriber.
    ["phone_number", (c) => (str(c, "type") === "TOLL_FREE" ? "+448081570000" : "+442079460000")],
    ["status", () => [{ message: "", status: "CLAIMED" }]],
  ],
  aws_dynamodb_table: [
    ["id", byName],
    // Encryption without a key of its own: the account's AWS managed key for DynamoDB (one per region).
    [
      "server_side_encryption[*].kms_key_arn",
      (c) => arn(c, "kms", `key/${lineageOf(`aws/dynamodb|${c.region}|${c.accountId}`)}`),
    ],
    ["point_in_time_recovery[*].recovery_period_in_days", () => 35],
    ["arn", (c) => arn(c, "dynamodb", `table/${str(c, "name")}`)],
    ["stream_label", (c) => (c.values.stream_enabled === true ? "2025-01-01T00:00:00.000" : "")],
    [
      "stream_arn",
      (c) => (c.values.stream_enabled === true ? `${str(c, "arn")}/stream/${str(c, "stream_label")}` : ""),
    ],
  ],
  aws_glue_catalog_database: [
    ["catalog_id", (c) => c.accountId],
    ["id", (c) => `${str(c, "catalog_id")}:${str(c, "name")}`],
    ["arn", (c) => arn(c, "glue", `database/${str(c, "name")}`)],
    [
      "create_table_default_permission",
      () => [
        { permissions: ["ALL"], principal: [{ data_lake_principal_identifier: "IAM_ALLOWED_PRINCIPALS" }] },
      ],
    ],
  ],
  aws_glue_catalog_table: [
    ["catalog_id", (c) => c.accountId],
    ["id", (c) => `${str(c, "catalog_id")}:${str(c, "database_name")}:${str(c, "name")}`],
    ["arn", (c) => arn(c, "glue", `table/${str(c, "database_name")}/${str(c, "name")}`)],
  ],
  aws_iam_policy: [
    ["arn", (c) => `arn:aws:iam::${c.accountId}:policy${str(c, "path") || "/"}${str(c, "name")}`],
    ["id", (c) => str(c, "arn")],
    ["policy_id", (c) => `ANPA${token(c.address, 17, UPPER)}`],
  ],
  aws_iam_role: [
    ["id", byName],
    ["arn", (c) => `arn:aws:iam::${c.accountId}:role${str(c, "path") || "/"}${str(c, "name")}`],
    ["unique_id", (c) => `AROA${token(c.address, 17, UPPER)}`],
    ["create_date", () => STAND_IN_TIME],
  ],
  aws_iam_role_policy: [["id", (c) => `${str(c, "role")}:${str(c, "name")}`]],
  aws_iam_role_policy_attachment: [["id", (c) => uniqueId(`${str(c, "role")}-`, c)]],
  aws_kinesis_firehose_delivery_stream: [
    ["arn", (c) => arn(c, "firehose", `deliverystream/${str(c, "name")}`)],
    ["id", (c) => str(c, "arn")],
    ["destination_id", () => "destinationId-000000000001"],
    ["version_id", () => "1"],
  ],
  aws_kinesis_stream: [
    ["arn", (c) => arn(c, "kinesis", `stream/${str(c, "name")}`)],
    ["id", (c) => str(c, "arn")],
    ["stream_mode_details", () => [{ stream_mode: "PROVISIONED" }]],
  ],
  aws_kms_key: [
    ["key_id", uuid],
    ["id", (c) => str(c, "key_id")],
    ["arn", (c) => arn(c, "kms", `key/${str(c, "key_id")}`)],
    ["rotation_period_in_days", (c) => (c.values.enable_key_rotation === true ? 365 : 0)],
  ],
  aws_lambda_function: [
    ["id", (c) => str(c, "function_name")],
    ["arn", (c) => arn(c, "lambda", `function:${str(c, "function_name")}`)],
    ["version", (c) => (c.values.publish === true ? "1" : "$LATEST")],
    ["qualified_arn", (c) => `${str(c, "arn")}:${str(c, "version")}`],
    ["invoke_arn", (c) => lambdaInvokeArn(c, str(c, "arn"))],
    ["qualified_invoke_arn", (c) => lambdaInvokeArn(c, str(c, "qualified_arn"))],
    ["last_modified", () => "2025-01-01T00:00:00.000+0000"],
    // Lambda reports the package's base64 SHA-256: the same digest source_code_hash holds.
    ["code_sha256", (c) => str(c, "source_code_hash")],
    ["ephemeral_storage", () => [{ size: 512 }]],
    [
      "logging_config",
      (c) => [
        {
          application_log_level: "",
          log_format: "Text",
          log_group: `/aws/lambda/${str(c, "function_name")}`,
          system_log_level: "",
        },
      ],
    ],
  ],
  aws_lambda_alias: [
    ["arn", (c) => arn(c, "lambda", `function:${str(c, "function_name")}:${str(c, "name")}`)],
    ["id", (c) => str(c, "arn")],
    ["invoke_arn", (c) => lambdaInvokeArn(c, str(c, "arn"))],
  ],
  aws_lambda_permission: [
    ["statement_id", (c) => uniqueId("terraform-", c)],
    ["id", (c) => str(c, "statement_id")],
  ],
  aws_lambda_provisioned_concurrency_config: [
    ["id", (c) => `${str(c, "function_name")},${str(c, "qualifier")}`],
  ],
  aws_lexv2models_bot: [
    ["id", (c) => token(c.address, 10, UPPER)],
    ["arn", (c) => arn(c, "lex", `bot/${str(c, "id")}`)],
    ["type", () => "Bot"],
  ],
  aws_lexv2models_bot_locale: [
    ["name", (c) => LEX_LOCALE_NAMES[str(c, "locale_id")] ?? str(c, "locale_id")],
    ["id", (c) => `${str(c, "locale_id")},${str(c, "bot_id")},${str(c, "bot_version")}`],
  ],
  aws_lexv2models_bot_version: [
    ["bot_version", () => "1"],
    ["id", (c) => `${str(c, "bot_id")},${str(c, "bot_version")}`],
    // Not set by the original: Lex returns none and the framework provider keeps null.
    ["description", () => null],
  ],
  aws_lexv2models_intent: [
    ["intent_id", (c) => token(c.address, 10, UPPER)],
    [
      "id",
      (c) => [str(c, "intent_id"), str(c, "bot_id"), str(c, "bot_version"), str(c, "locale_id")].join(":"),
    ],
    ["creation_date_time", () => STAND_IN_TIME],
    ["last_updated_date_time", () => STAND_IN_TIME],
  ],
  aws_s3_bucket: [
    ["bucket", (c) => uniqueId(str(c, "bucket_prefix") || "terraform-", c)],
    ["id", (c) => str(c, "bucket")],
    ["arn", (c) => `arn:aws:s3:::${str(c, "bucket")}`],
    ["bucket_domain_name", (c) => `${str(c, "bucket")}.s3.amazonaws.com`],
    ["bucket_regional_domain_name", (c) => `${str(c, "bucket")}.s3.${c.region}.amazonaws.com`],
    ["hosted_zone_id", (c) => S3_HOSTED_ZONES[c.region] ?? ""],
    ["region", (c) => c.region],
    ["request_payer", () => "BucketOwner"],
    // Every new bucket is encrypted with SSE-S3 and unversioned unless told otherwise.
    [
      "server_side_encryption_configuration",
      () => [
        {
          rule: [
            {
              apply_server_side_encryption_by_default: [{ kms_master_key_id: "", sse_algorithm: "AES256" }],
              bucket_key_enabled: false,
            },
          ],
        },
      ],
    ],
    ["versioning", () => [{ enabled: false, mfa_delete: false }]],
  ],
  aws_s3_bucket_policy: [["id", (c) => str(c, "bucket")]],
  aws_s3_bucket_public_access_block: [["id", (c) => str(c, "bucket")]],
  aws_s3_bucket_server_side_encryption_configuration: [["id", (c) => str(c, "bucket")]],
  aws_s3_bucket_lifecycle_configuration: [["id", (c) => str(c, "bucket")]],
  aws_s3_object: [
    ["id", (c) => str(c, "key")],
    ["arn", (c) => `arn:aws:s3:::${str(c, "bucket")}/${str(c, "key")}`],
    ["storage_class", () => "STANDARD"],
    ["server_side_encryption", () => "AES256"],
  ],
  aws_sns_topic: [
    ["arn", (c) => arn(c, "sns", str(c, "name"))],
    ["id", (c) => str(c, "arn")],
    ["owner", (c) => c.accountId],
  ],
  // CLOUDFRONT-scoped web ACLs live in us-east-1 under "global".
  aws_wafv2_web_acl: [
    ["id", uuid],
    [
      "arn",
      (c) =>
        arn(
          c,
          "wafv2",
          `${str(c, "scope") === "CLOUDFRONT" ? "global" : "regional"}/webacl/${str(c, "name")}/${str(c, "id")}`,
        ),
    ],
    ["lock_token", (c) => lineageOf(`${c.address}#lock`)],
  ],
};

function lambdaInvokeArn(c: StandInContext, functionArn: string): string {
  return `arn:aws:apigateway:${c.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

/** Rules for every type: provider-wide behaviour. */
export const COMMON_RULES: ReadonlyArray<readonly [string, Rule]> = [
  // No default_tags in the original's providers: tags_all is the resource's own tags.
  ["tags_all", (c) => (c.values.tags && typeof c.values.tags === "object" ? c.values.tags : {})],
];
