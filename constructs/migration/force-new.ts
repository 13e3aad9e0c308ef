/**
 * Arguments whose change makes Terraform destroy and recreate the object, per resource type this
 * stack keeps or moves from the original state. The fallback of the migration report when no
 * terraform binary and plugin mirror can plan for real; read from the providers' source, not docs:
 *
 * - hashicorp/aws 6.25.0: the schema functions (SDKv2 `ForceNew: true`, `customdiff.ForceNewIfChange`;
 *   Plugin Framework `RequiresReplace()` / `RequiresReplaceIfConfigured()`), nested blocks included.
 *   Read 2026-12-06 from lonegunmanb/terraform-provider-aws-index at commit
 *   add8b630ad579abe2739cec45ae7b27c103ed9c1 (2025-12-05, "index files for terraform-provider-aws
 *   v6.25.0"), which holds the Go source of every function of the provider at tag v6.25.0; every fork
 *   of hashicorp/terraform-provider-aws near v6.25 was over the fetch size limit.
 * - hashicorp/awscc 1.69.0 (tag v1.69.0, commit cafd07e46c5f464088cc07ecb743875c40fa4f26): the
 *   generated `RequiresReplace()` of each resource, which are the CloudFormation type's
 *   `createOnlyProperties` (its bundled schemas and @aws-cdk/aws-service-spec 0.1.216 agree).
 * - hashicorp/null 3.2.4 (tag v3.2.4, commit 01034f80eb238732fd9e8673582e0e770cfab578): `triggers`.
 *
 * Per-type source files and every path: docs/migration.md "Force-new tables". Besides these, every
 * aws 6 resource replaces on a change of `region`, which the preview compares separately.
 *
 * A kept or moved resource of a type without a table fails the preview: add the table from the
 * provider source rather than let a replacement pass unseen.
 */

export interface ForceNewArgument {
  /** `name`, or a nested path `block.*.name`: `*` walks every element of a nested block. */
  readonly path: string;
  /**
   * Compared only where the configuration sets it: Optional+Computed (left out, the state's value
   * stays) or RequiresReplaceIfConfigured.
   */
  readonly computed?: boolean;
  /** Schema default: what Terraform plans when the configuration leaves the argument out. */
  readonly default?: string | boolean | number;
  /** A set in the schema (the block `*` walks, or the value itself): order does not count. */
  readonly unordered?: boolean;
  /**
   * Replaces on some changes only (CustomizeDiff): `set` to another non-empty value, `decrease`
   * of a number, `presence` (the block is added or removed). @default - any change
   */
  readonly when?: "set" | "decrease" | "presence";
}

/** `path`, `path?` (compared only when configured) or `path=default` (`true`/`false` are booleans). */
const args = (...specs: Array<string | ForceNewArgument>): ForceNewArgument[] =>
  specs.map((spec) => {
    if (typeof spec !== "string") return spec;
    if (spec.endsWith("?")) return { path: spec.slice(0, -1), computed: true };
    const [path, fallback] = spec.split("=") as [string, string | undefined];
    if (fallback === undefined) return { path };
    return { path, default: fallback === "true" ? true : fallback === "false" ? false : fallback };
  });
const unordered = (path: string): ForceNewArgument => ({ path, unordered: true });
const only = (path: string, when: NonNullable<ForceNewArgument["when"]>): ForceNewArgument => ({
  path,
  when,
});

/** Firehose OpenSearch-style destinations: backup mode and the VPC the stream delivers into. */
const searchDestination = (block: string): Array<string | ForceNewArgument> => [
  `${block}.*.s3_backup_mode=FailedDocumentsOnly`,
  `${block}.*.vpc_config`,
  `${block}.*.vpc_config.*.role_arn`,
  unordered(`${block}.*.vpc_config.*.security_group_ids`),
  unordered(`${block}.*.vpc_config.*.subnet_ids`),
];

export const FORCE_NEW: Readonly<Record<string, readonly ForceNewArgument[]>> = {
  // Connect. Queues, quick connects and flows update instance_id in place (no ForceNew).
  aws_connect_instance: args("identity_management_type", "instance_alias", "directory_id"),
  aws_connect_phone_number: args("country_code", "type", "description", "prefix"),
  aws_connect_queue: [],
  aws_connect_quick_connect: [],
  aws_connect_contact_flow: args("type=CONTACT_FLOW"),
  aws_connect_instance_storage_config: args("instance_id", "resource_type"),
  awscc_connect_integration_association: args("instance_id", "integration_arn", "integration_type"),
  awscc_connect_approved_origin: args("instance_id", "origin"),
  // Lex. A bot's type and an intent's bot_version update in place.
  aws_lexv2models_bot: args("name"),
  aws_lexv2models_bot_locale: args("bot_id", "bot_version", "locale_id"),
  aws_lexv2models_bot_version: args("bot_id", "bot_version?", "description", "locale_specification"),
  aws_lexv2models_intent: args("bot_id", "locale_id"),
  awscc_lex_bot_alias: args("bot_id"),
  // Data
  aws_dynamodb_table: args(
    "name",
    "hash_key?",
    "range_key",
    unordered("local_secondary_index"),
    unordered("local_secondary_index.*.name"),
    unordered("local_secondary_index.*.range_key"),
    unordered("local_secondary_index.*.projection_type"),
    unordered("local_secondary_index.*.non_key_attributes"),
    "import_table.*.s3_bucket_source",
    "restore_date_time",
    "restore_to_latest_time",
    only("restore_source_name", "set"),
    only("restore_source_table_arn", "set"),
    only("warm_throughput.*.read_units_per_second", "decrease"),
    only("warm_throughput.*.write_units_per_second", "decrease"),
  ),
  aws_kinesis_stream: args("name"),
  aws_kinesis_firehose_delivery_stream: args(
    "name",
    "destination",
    "kinesis_source_configuration",
    "kinesis_source_configuration.*.kinesis_stream_arn",
    "kinesis_source_configuration.*.role_arn",
    "msk_source_configuration",
    "msk_source_configuration.*.authentication_configuration",
    "msk_source_configuration.*.authentication_configuration.*.connectivity",
    "msk_source_configuration.*.authentication_configuration.*.role_arn",
    "msk_source_configuration.*.msk_cluster_arn",
    "msk_source_configuration.*.read_from_timestamp",
    "msk_source_configuration.*.topic_name",
    "extended_s3_configuration.*.dynamic_partitioning_configuration",
    "extended_s3_configuration.*.dynamic_partitioning_configuration.*.enabled=false",
    "iceberg_configuration.*.append_only?",
    "iceberg_configuration.*.catalog_arn",
    "iceberg_configuration.*.destination_table_configuration",
    ...searchDestination("elasticsearch_configuration"),
    ...searchDestination("opensearch_configuration"),
    ...searchDestination("opensearchserverless_configuration"),
    ...["http_endpoint", "redshift", "snowflake", "splunk"].map(
      (destination) => `${destination}_configuration.*.secrets_manager_configuration.*.enabled?`,
    ),
  ),
  aws_glue_catalog_database: args("name", "catalog_id?", "target_database"),
  aws_glue_catalog_table: args("name", "database_name", "catalog_id?", "target_table", "partition_index?"),
  aws_kms_key: args(
    "custom_key_store_id",
    "customer_master_key_spec=SYMMETRIC_DEFAULT",
    "key_usage=ENCRYPT_DECRYPT",
    "multi_region?",
    "xks_key_id",
  ),
  aws_s3_bucket: args(
    "bucket?",
    "bucket_prefix?",
    "object_lock_enabled?",
    "object_lock_configuration.*.object_lock_enabled",
  ),
  aws_s3_bucket_policy: args("bucket"),
  aws_s3_bucket_public_access_block: args("bucket"),
  aws_s3_bucket_lifecycle_configuration: args("bucket", "expected_bucket_owner?"),
  aws_s3_bucket_server_side_encryption_configuration: args("bucket", "expected_bucket_owner"),
  aws_s3_object: args("bucket", "key"),
  // Logs, metrics, events
  aws_cloudwatch_log_group: args("name?", "name_prefix?", "log_group_class?"),
  aws_cloudwatch_log_resource_policy: args("policy_name"),
  aws_cloudwatch_log_subscription_filter: args("name", "log_group_name", "destination_arn"),
  aws_cloudwatch_metric_alarm: args("alarm_name"),
  aws_cloudwatch_metric_stream: args("name?", "name_prefix?"),
  aws_cloudwatch_dashboard: args("dashboard_name"),
  aws_cloudwatch_event_rule: args("name?", "name_prefix?", "event_bus_name=default"),
  aws_cloudwatch_event_target: args("rule", "target_id?", "event_bus_name=default"),
  aws_cloudtrail: args("name"),
  aws_sns_topic: args("name?", "name_prefix?", "fifo_topic=false"),
  // IAM (global: no region)
  aws_iam_role: args("name?", "name_prefix?", "path=/"),
  aws_iam_role_policy: args("name?", "name_prefix?", "role"),
  aws_iam_policy: args("name?", "name_prefix?", "path=/", "description"),
  aws_iam_role_policy_attachment: args("role", "policy_arn"),
  // Lambda
  aws_lambda_function: args(
    "function_name",
    "package_type=Zip",
    "tenancy_config",
    only("durable_config", "presence"),
  ),
  aws_lambda_alias: args("function_name", "name"),
  aws_lambda_permission: args(
    "action",
    "event_source_token",
    "function_name",
    "function_url_auth_type",
    "principal",
    "principal_org_id",
    "qualifier",
    "source_account",
    "source_arn",
    "statement_id?",
    "statement_id_prefix?",
  ),
  // API Gateway (HTTP API). route_key, target and credentials_arn are the quick-create arguments.
  aws_apigatewayv2_api: args("protocol_type", "route_key", "target", "credentials_arn"),
  aws_apigatewayv2_stage: args("api_id", "name"),
  aws_apigatewayv2_integration: args("api_id", "integration_type", "integration_subtype"),
  aws_apigatewayv2_route: args("api_id"),
  // Edge
  aws_cloudfront_distribution: args("staging=false"),
  aws_cloudfront_origin_access_control: [],
  aws_wafv2_web_acl: args("name?", "name_prefix?", "scope"),
  // AI. A guardrail version's description replaces only when configured (RequiresReplaceIfConfigured).
  aws_bedrock_guardrail: [],
  aws_bedrock_guardrail_version: args("guardrail_arn", "description?"),
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
