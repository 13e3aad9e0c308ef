/**
 * Arguments whose change makes Terraform destroy and recreate the object, per resource type this
 * stack keeps or moves from the original state, for the pinned providers:
 * hashicorp/aws 6.25 (schema `ForceNew` / `RequiresReplace`, shown as "Forces new resource" in the
 * resource docs), hashicorp/awscc 1.69 (the CloudFormation type's `createOnlyProperties`) and
 * hashicorp/null 3.2 (`triggers`). Besides these, every aws 6 resource replaces on a change of
 * `region` (its provider configuration), which the preview compares separately.
 *
 * `computed`: Optional+Computed arguments. Left out of the configuration, they keep the state's
 * value, so only a configured value is compared.
 *
 * A kept or moved resource of a type without a table fails the preview: add the table from the
 * provider docs rather than let a replacement pass unseen.
 */

export interface ForceNewArgument {
  readonly name: string;
  readonly computed?: boolean;
  /** Schema default: what Terraform plans when the configuration leaves the argument out. */
  readonly default?: string | boolean;
}

/** `name`, `name?` (Optional+Computed) or `name=default` (`true`/`false` are booleans). */
const args = (...specs: string[]): ForceNewArgument[] =>
  specs.map((spec) => {
    if (spec.endsWith("?")) return { name: spec.slice(0, -1), computed: true };
    const [name, fallback] = spec.split("=") as [string, string | undefined];
    if (fallback === undefined) return { name };
    return { name, default: fallback === "true" ? true : fallback === "false" ? false : fallback };
  });

export const FORCE_NEW: Readonly<Record<string, readonly ForceNewArgument[]>> = {
  // Connect
  aws_connect_instance: args("identity_management_type", "instance_alias?", "directory_id"),
  aws_connect_phone_number: args("country_code", "type", "prefix"),
  aws_connect_queue: args("instance_id"),
  aws_connect_quick_connect: args("instance_id"),
  aws_connect_contact_flow: args("instance_id", "type"),
  aws_connect_instance_storage_config: args("instance_id", "resource_type"),
  // Lex
  aws_lexv2models_bot: args("type?"),
  aws_lexv2models_bot_locale: args("bot_id", "bot_version", "locale_id"),
  aws_lexv2models_bot_version: args("bot_id", "description", "locale_specification"),
  aws_lexv2models_intent: args("bot_id", "bot_version", "locale_id"),
  awscc_lex_bot_alias: args("bot_id"),
  // Data
  aws_dynamodb_table: args("name", "hash_key", "range_key"),
  aws_kinesis_stream: args("name"),
  aws_kinesis_firehose_delivery_stream: args("name", "destination"),
  aws_glue_catalog_database: args("name", "catalog_id?"),
  aws_glue_catalog_table: args("name", "database_name", "catalog_id?"),
  aws_kms_key: args("customer_master_key_spec?", "key_usage?", "multi_region?", "custom_key_store_id"),
  aws_s3_bucket: args("bucket?", "bucket_prefix", "object_lock_enabled?"),
  aws_s3_bucket_policy: args("bucket"),
  aws_s3_bucket_public_access_block: args("bucket"),
  aws_s3_bucket_lifecycle_configuration: args("bucket", "expected_bucket_owner"),
  aws_s3_bucket_server_side_encryption_configuration: args("bucket", "expected_bucket_owner"),
  aws_s3_object: args("bucket", "key"),
  // Logs, metrics, events
  aws_cloudwatch_log_group: args("name?", "name_prefix", "log_group_class?"),
  aws_cloudwatch_log_resource_policy: args("policy_name"),
  aws_cloudwatch_log_subscription_filter: args("name", "log_group_name"),
  aws_cloudwatch_metric_alarm: args("alarm_name"),
  aws_cloudwatch_metric_stream: args("name?", "name_prefix"),
  aws_cloudwatch_dashboard: args("dashboard_name"),
  aws_cloudwatch_event_rule: args("name?", "name_prefix", "event_bus_name=default"),
  aws_cloudwatch_event_target: args("rule", "target_id?", "event_bus_name=default"),
  aws_cloudtrail: args("name"),
  aws_sns_topic: args("name?", "name_prefix", "fifo_topic=false"),
  // IAM (global: no region)
  aws_iam_role: args("name?", "name_prefix", "path=/"),
  aws_iam_role_policy: args("name?", "name_prefix", "role"),
  aws_iam_policy: args("name?", "name_prefix", "path=/", "description"),
  aws_iam_role_policy_attachment: args("role", "policy_arn"),
  aws_lambda_permission: args(
    "action",
    "function_name",
    "principal",
    "qualifier",
    "source_arn",
    "source_account",
    "statement_id?",
    "event_source_token",
    "principal_org_id",
  ),
  // API Gateway (HTTP API)
  aws_apigatewayv2_api: args("protocol_type"),
  aws_apigatewayv2_stage: args("api_id", "name"),
  aws_apigatewayv2_integration: args("api_id", "integration_type"),
  aws_apigatewayv2_route: args("api_id"),
  // Edge
  aws_cloudfront_distribution: [],
  aws_cloudfront_origin_access_control: [],
  aws_wafv2_web_acl: args("name?", "name_prefix", "scope"),
  // AI
  aws_bedrock_guardrail: [],
  aws_bedrock_guardrail_version: args("guardrail_arn", "description"),
  null_resource: args("triggers"),
};

/**
 * Types whose objects hold data or serve live traffic: an unintended replacement of one fails the
 * preview (instance, numbers, queues, flows, tables, buckets, keys, streams, bots, aliases, log
 * groups, guardrail).
 */
export const STATEFUL_TYPES: ReadonlySet<string> = new Set([
  "aws_connect_instance",
  "aws_connect_phone_number",
  "aws_connect_queue",
  "aws_connect_contact_flow",
  "aws_dynamodb_table",
  "aws_glue_catalog_table",
  "aws_s3_bucket",
  "aws_kms_key",
  "aws_kinesis_stream",
  "aws_kinesis_firehose_delivery_stream",
  "aws_lexv2models_bot",
  "awscc_lex_bot_alias",
  "aws_cloudwatch_log_group",
  "aws_bedrock_guardrail",
  // A new API has a new endpoint: the companion app would call one that no longer exists.
  "aws_apigatewayv2_api",
  "aws_apigatewayv2_stage",
]);
