/**
 * The force-new tables against what the providers' own schemas say (hashicorp/aws 6.25.0,
 * hashicorp/awscc 1.69.0; sources in constructs/migration/force-new.ts and
 * docs/migration.md, "Force-new tables"). Each case is one resource kept at its address, with a state and a
 * configuration that differ in one argument: the preview must name exactly the paths the provider
 * replaces on, and nothing for an argument it updates in place.
 */
import { previewReplacements, type ShowJson } from "../../constructs/migration/replacement-preview";

/** Paths the preview replaces `type.x` on, for one state object and its configuration. */
function replacedOn(type: string, state: Record<string, unknown>, config: Record<string, unknown>): string[] {
  const show: ShowJson = {
    values: { root_module: { resources: [{ address: `${type}.x`, mode: "managed", type, values: state }] } },
  };
  return previewReplacements(show, { resource: { [type]: { x: config } } }).map((r) => r.attribute);
}

const BOT = { name: "bank-bot", role_arn: "arn:aws:iam::1:role/lex", idle_session_ttl_in_seconds: 300 };
const FILTER = { name: "archive", log_group_name: "/aws/lambda/f", filter_pattern: "" };
const STREAM_A = "arn:aws:kinesis:eu-west-2:1:stream/a";
const STREAM_B = "arn:aws:kinesis:eu-west-2:1:stream/b";
const PERMISSION = { action: "lambda:InvokeFunction", function_name: "f", principal: "lex.amazonaws.com" };
const TABLE = { name: "calls", hash_key: "pk", range_key: "sk" };
const lsi = (name: string, rangeKey = "d") => ({ name, range_key: rangeKey, projection_type: "ALL" });
const FIREHOSE = { name: "ctr", destination: "extended_s3" };
const KEY = {
  customer_master_key_spec: "SYMMETRIC_DEFAULT",
  key_usage: "ENCRYPT_DECRYPT",
  multi_region: false,
};

describe("force-new arguments the provider source has and the tables missed", () => {
  it.each<[string, string, Record<string, unknown>, Record<string, unknown>]>([
    ["aws_lexv2models_bot", "name", BOT, { ...BOT, name: "bank-bot-2" }],
    [
      "aws_lexv2models_bot_version",
      "bot_version",
      { bot_id: "B", bot_version: "3", locale_specification: { en_GB: { source_bot_version: "DRAFT" } } },
      { bot_id: "B", bot_version: "4", locale_specification: { en_GB: { source_bot_version: "DRAFT" } } },
    ],
    [
      "aws_connect_phone_number",
      "description",
      { country_code: "GB", type: "DID", description: "main line", target_arn: "t" },
      { country_code: "GB", type: "DID", description: "fraud line", target_arn: "t" },
    ],
    [
      "aws_cloudwatch_log_subscription_filter",
      "destination_arn",
      { ...FILTER, destination_arn: STREAM_A },
      { ...FILTER, destination_arn: STREAM_B },
    ],
    ...(["route_key", "target", "credentials_arn"] as const).map(
      (arg): [string, string, Record<string, unknown>, Record<string, unknown>] => [
        "aws_apigatewayv2_api",
        arg,
        { name: "api", protocol_type: "HTTP", [arg]: "old" },
        { name: "api", protocol_type: "HTTP", [arg]: "new" },
      ],
    ),
    ["aws_kms_key", "xks_key_id", { ...KEY, xks_key_id: "k1" }, { xks_key_id: "k2" }],
    [
      "aws_lambda_permission",
      "statement_id_prefix",
      { ...PERMISSION, statement_id: "lex-123", statement_id_prefix: "lex-" },
      { ...PERMISSION, statement_id_prefix: "bank-" },
    ],
    [
      "aws_lambda_function",
      "function_name",
      { function_name: "a", package_type: "Zip" },
      { function_name: "b" },
    ],
    ["aws_lambda_alias", "name", { function_name: "f", name: "live" }, { function_name: "f", name: "prod" }],
    [
      "awscc_connect_integration_association",
      "integration_arn",
      { instance_id: "i", integration_type: "LEX_BOT", integration_arn: "alias-1" },
      { instance_id: "i", integration_type: "LEX_BOT", integration_arn: "alias-2" },
    ],
    [
      "awscc_connect_approved_origin",
      "origin",
      { instance_id: "i", origin: "https://a.example" },
      { instance_id: "i", origin: "https://b.example" },
    ],
  ])("%s replaces on %s", (type, attribute, state, config) => {
    expect(replacedOn(type, state, config)).toStrictEqual([attribute]);
  });

  it("a schema default counts when the configuration leaves the argument out (KMS key spec, Lambda package type)", () => {
    expect(replacedOn("aws_kms_key", { ...KEY, customer_master_key_spec: "HMAC_256" }, {})).toStrictEqual([
      "customer_master_key_spec",
    ]);
    expect(
      replacedOn(
        "aws_lambda_function",
        { function_name: "f", package_type: "Image" },
        { function_name: "f" },
      ),
    ).toStrictEqual(["package_type"]);
  });
});

describe("arguments the tables called force-new that the provider updates in place", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["aws_connect_queue", { instance_id: "i-1", name: "q" }, { instance_id: "i-2", name: "q" }],
    ["aws_connect_quick_connect", { instance_id: "i-1", name: "qc" }, { instance_id: "i-2", name: "qc" }],
    [
      "aws_connect_contact_flow",
      { instance_id: "i-1", name: "f", type: "CONTACT_FLOW" },
      { instance_id: "i-2", name: "f" },
    ],
    ["aws_lexv2models_bot", { ...BOT, type: "Bot" }, { ...BOT, type: "BotNetwork" }],
    [
      "aws_lexv2models_intent",
      { bot_id: "B", bot_version: "DRAFT", locale_id: "en_GB", name: "i" },
      { bot_id: "B", bot_version: "1", locale_id: "en_GB", name: "i" },
    ],
    // RequiresReplaceIfConfigured: an unset description keeps the published version.
    ["aws_bedrock_guardrail_version", { guardrail_arn: "g", description: "h1" }, { guardrail_arn: "g" }],
  ])("%s: no replacement", (type, state, config) => {
    expect(replacedOn(type, state, config)).toStrictEqual([]);
  });
});

describe("nested force-new paths", () => {
  it("a renamed DynamoDB local secondary index replaces the table, on the block and the index name", () => {
    expect(
      replacedOn(
        "aws_dynamodb_table",
        { ...TABLE, local_secondary_index: [{ ...lsi("by_date"), non_key_attributes: [] }] },
        { ...TABLE, local_secondary_index: [lsi("by_day")] },
      ),
    ).toStrictEqual(["local_secondary_index", "local_secondary_index.*.name"]);
  });

  it("local secondary indexes are a set: the same indexes in another order replace nothing", () => {
    expect(
      replacedOn(
        "aws_dynamodb_table",
        { ...TABLE, local_secondary_index: [lsi("a", "x"), lsi("b", "y")] },
        { ...TABLE, local_secondary_index: [lsi("b", "y"), lsi("a", "x")] },
      ),
    ).toStrictEqual([]);
  });

  it("a Firehose stream reading another Kinesis stream is a new delivery stream", () => {
    const source = (stream: string) => ({ kinesis_stream_arn: stream, role_arn: "arn:aws:iam::1:role/fh" });
    expect(
      replacedOn(
        "aws_kinesis_firehose_delivery_stream",
        { ...FIREHOSE, kinesis_source_configuration: [source(STREAM_A)] },
        // Terraform JSON writes a single nested block as an object.
        { ...FIREHOSE, kinesis_source_configuration: source(STREAM_B) },
      ),
    ).toStrictEqual(["kinesis_source_configuration", "kinesis_source_configuration.*.kinesis_stream_arn"]);
  });

  it("a nested default applies inside each configured block (OpenSearch s3_backup_mode)", () => {
    const opensearch = { index_name: "ctr", role_arn: "r" };
    expect(
      replacedOn(
        "aws_kinesis_firehose_delivery_stream",
        { ...FIREHOSE, opensearch_configuration: [{ ...opensearch, s3_backup_mode: "AllDocuments" }] },
        { ...FIREHOSE, opensearch_configuration: [opensearch] },
      ),
    ).toStrictEqual(["opensearch_configuration.*.s3_backup_mode"]);
  });

  it("an Optional+Computed nested argument is compared only where it is configured", () => {
    const http = (secrets?: Record<string, unknown>) => ({
      url: "https://h.example",
      ...(secrets ? { secrets_manager_configuration: secrets } : {}),
    });
    const state = { ...FIREHOSE, http_endpoint_configuration: [http({ enabled: false, secret_arn: "" })] };
    const path = "http_endpoint_configuration.*.secrets_manager_configuration.*.enabled";
    expect(
      replacedOn("aws_kinesis_firehose_delivery_stream", state, {
        ...FIREHOSE,
        http_endpoint_configuration: http(),
      }),
    ).toStrictEqual([]);
    expect(
      replacedOn("aws_kinesis_firehose_delivery_stream", state, {
        ...FIREHOSE,
        http_endpoint_configuration: http({ enabled: true, secret_arn: "s" }),
      }),
    ).toStrictEqual([path]);
  });
});

describe("force-new only on some changes (CustomizeDiff)", () => {
  it("DynamoDB restore_source_name replaces when set to another table, not when cleared", () => {
    const state = { ...TABLE, restore_source_name: "old-table" };
    expect(replacedOn("aws_dynamodb_table", state, TABLE)).toStrictEqual([]);
    expect(replacedOn("aws_dynamodb_table", state, { ...TABLE, restore_source_name: "other" })).toStrictEqual(
      ["restore_source_name"],
    );
  });

  it("DynamoDB warm throughput replaces on a decrease only", () => {
    const warm = (read: number) => ({ ...TABLE, warm_throughput: [{ read_units_per_second: read }] });
    expect(replacedOn("aws_dynamodb_table", warm(12000), warm(15000))).toStrictEqual([]);
    expect(replacedOn("aws_dynamodb_table", warm(12000), warm(11000))).toStrictEqual([
      "warm_throughput.*.read_units_per_second",
    ]);
  });

  it("Lambda durable_config replaces when added or removed, not when tuned", () => {
    const fn = { function_name: "f", package_type: "Zip" };
    const durable = (timeout: number) => [{ execution_timeout: timeout, retention_period: 14 }];
    expect(
      replacedOn(
        "aws_lambda_function",
        { ...fn, durable_config: [] },
        { ...fn, durable_config: durable(60) },
      ),
    ).toStrictEqual(["durable_config"]);
    expect(
      replacedOn(
        "aws_lambda_function",
        { ...fn, durable_config: durable(60) },
        { ...fn, durable_config: durable(90) },
      ),
    ).toStrictEqual([]);
  });
});
