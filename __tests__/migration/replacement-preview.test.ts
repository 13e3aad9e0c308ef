import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INTENDED_REPLACEMENTS } from "../../constructs/migration/intended-replacements";
import {
  flattenState,
  formatReplacement,
  previewReplacements,
  type ShowJson,
} from "../../constructs/migration/replacement-preview";
import { stateToShow, type StateV4 } from "../../scripts/terraform/state-input";
import { synthStack } from "../support/synth";

/**
 * The original stack's state as Terraform planned it from the original HCL with default variables
 * (scripts/terraform/original-state.ts), in the shape `terraform show -json` prints.
 */
const ORIGINAL = stateToShow(
  JSON.parse(readFileSync(join(__dirname, "fixtures/original.tfstate"), "utf8")) as StateV4,
) as ShowJson;
const STATE_LIST = readFileSync(join(__dirname, "../../docs/migration/original-state-list.txt"), "utf8")
  .split("\n")
  .filter(Boolean);
const { json } = synthStack("dev");
const config = json as Parameters<typeof previewReplacements>[1];

/** The fixture with one resource's values changed, as a different real state would have them. */
function withValues(address: string, values: Record<string, unknown>): ShowJson {
  const copy = JSON.parse(JSON.stringify(ORIGINAL)) as ShowJson;
  const resource = flattenState(copy).find((r) => r.address === address)!;
  Object.assign(resource.values, values);
  return copy;
}

describe("replacement preview against the original state", () => {
  const predicted = previewReplacements(ORIGINAL, config, INTENDED_REPLACEMENTS);

  it("the fixture is the original state but what the offline engine cannot plan (null, awscc, archive, local, Connect lookups)", () => {
    const planned = new Set(flattenState(ORIGINAL).map((r) => r.address));
    expect(planned.size).toBe(193);
    const missing = STATE_LIST.filter((address) => !planned.has(address));
    expect(missing).toHaveLength(225 - 193);
    expect(
      missing.filter(
        (a) =>
          !/(^|\.)(null_resource|awscc_[a-z_]+|data\.archive_file|data\.local_file|data\.aws_connect_[a-z_]+)\./.test(
            a,
          ),
      ),
    ).toStrictEqual([]);
  });

  it("predicts exactly these replacements, every one intended with a reason", () => {
    expect(predicted.map((r) => [r.address, r.from, r.attribute])).toStrictEqual([
      [
        "aws_cloudwatch_log_subscription_filter.bedrock_mcp_logs",
        "aws_cloudwatch_log_subscription_filter.bedrock_mcp_logs",
        "log_group_name",
      ],
      ...["apigw_invoke", "apigw_invoke_crm"].flatMap((name) =>
        ["function_name", "qualifier", "source_arn", "statement_id"].map((attribute) => [
          `aws_lambda_permission.${name}`,
          `aws_lambda_permission.${name}`,
          attribute,
        ]),
      ),
      ["aws_lambda_permission.lex_invoke", "aws_lambda_permission.lex_invoke", "function_name"],
      ["aws_lambda_permission.lex_invoke", "aws_lambda_permission.lex_invoke", "qualifier"],
      ["aws_lambda_permission.lex_invoke", "aws_lambda_permission.lex_invoke", "source_arn"],
      ["aws_lambda_permission.lex_invoke", "aws_lambda_permission.lex_invoke", "statement_id"],
      ["aws_lexv2models_bot_version.banking", "aws_lexv2models_bot_version.banking", "description"],
      ["aws_lexv2models_bot_version.sales", "aws_lexv2models_bot_version.sales", "description"],
      ["aws_lexv2models_bot_version.this", "aws_lexv2models_bot_version.this", "description"],
      ["aws_s3_object.connect_streams", "aws_s3_object.connect_streams", "key"],
      [
        "aws_bedrock_guardrail.bedrock_guardrail",
        "module.bedrock_guardrail.aws_bedrock_guardrail.this",
        "region",
      ],
      [
        "aws_bedrock_guardrail_version.bedrock_guardrail_version",
        "module.bedrock_guardrail.aws_bedrock_guardrail_version.this",
        "description",
      ],
      [
        "aws_bedrock_guardrail_version.bedrock_guardrail_version",
        "module.bedrock_guardrail.aws_bedrock_guardrail_version.this",
        "region",
      ],
    ]);
    expect(predicted.filter((r) => !r.intended)).toStrictEqual([]);
  });

  it("the companion/CRM API keeps its id and endpoint: API, stage, routes, integrations and access logs carry over", () => {
    const api = predicted.filter((r) => /apigatewayv2|auth_api_gw/.test(r.address));
    expect(api).toStrictEqual([]);
    expect(json.moved).toEqual(
      expect.arrayContaining([
        { from: "module.auth_api_gateway.aws_apigatewayv2_api.this", to: "aws_apigatewayv2_api.auth_api" },
        {
          from: "module.auth_api_gateway.aws_apigatewayv2_stage.this",
          to: "aws_apigatewayv2_stage.auth_api_stage",
        },
      ]),
    );
  });

  it("the guardrail is a new guardrail in bedrockRegion, by a removed block and never a moved one", () => {
    const guardrail = predicted.find((r) => r.address === "aws_bedrock_guardrail.bedrock_guardrail")!;
    expect(guardrail).toMatchObject({ old: "eu-west-2", new: "eu-central-1", stateful: true });
    expect(formatReplacement(guardrail)).toMatch(
      /^INTENDED aws_bedrock_guardrail\.bedrock_guardrail \(module\.bedrock_guardrail\.aws_bedrock_guardrail\.this\): region eu-west-2 -> eu-central-1\n {4}Guardrails are regional/,
    );
    expect((json.moved ?? []).filter((m) => m.from.startsWith("module.bedrock_guardrail."))).toStrictEqual(
      [],
    );
    expect((json.removed ?? []).filter((r) => r.from.startsWith("module.bedrock_guardrail."))).toEqual([
      expect.objectContaining({ lifecycle: { destroy: false } }),
      expect.objectContaining({ lifecycle: { destroy: false } }),
    ]);
  });

  it("keeps the live bot aliases: same address, no replacement, references resolve to the state's ids", () => {
    expect(predicted.filter((r) => r.address.startsWith("awscc_lex_bot_alias."))).toStrictEqual([]);
  });
});

describe("replacement preview catches what a moved block or a renamed argument would hide", () => {
  it("a changed table name is a blocking replacement of a stateful resource", () => {
    const state = withValues("module.callback_table.aws_dynamodb_table.this", { name: "legacy-callbacks" });
    const [replacement] = previewReplacements(state, config, INTENDED_REPLACEMENTS).filter(
      (r) => !r.intended,
    );
    expect(replacement).toMatchObject({
      address: "aws_dynamodb_table.security_callbacks_table",
      from: "module.callback_table.aws_dynamodb_table.this",
      attribute: "name",
      old: "legacy-callbacks",
      new: "connect-comprehensive-callbacks",
      stateful: true,
    });
    expect(replacement!.intended).toBeUndefined();
    expect(formatReplacement(replacement!)).toBe(
      "REPLACE aws_dynamodb_table.security_callbacks_table (module.callback_table.aws_dynamodb_table.this): name legacy-callbacks -> connect-comprehensive-callbacks",
    );
  });

  it("a renamed Lex bot is a blocking replacement of the live bot (name is RequiresReplace)", () => {
    const state = withValues("module.lex_bot_banking.aws_lexv2models_bot.this", {
      name: "legacy-banking-bot",
    });
    const blocking = previewReplacements(state, config, INTENDED_REPLACEMENTS).filter((r) => !r.intended);
    expect(blocking.map(formatReplacement)).toStrictEqual([
      "REPLACE aws_lexv2models_bot.lex_banking_bot (module.lex_bot_banking.aws_lexv2models_bot.this): name legacy-banking-bot -> connect-comprehensive-banking-bot",
    ]);
    expect(blocking[0]!.stateful).toBe(true);
  });

  it("a resource whose state lives in another region than its provider is replaced", () => {
    const state = withValues("module.kinesis_ctr.aws_kinesis_stream.this", {
      arn: "arn:aws:kinesis:eu-west-1:123456789012:stream/connect-comprehensive-ctr-stream",
    });
    expect(previewReplacements(state, config, INTENDED_REPLACEMENTS)).toContainEqual(
      expect.objectContaining({
        address: "aws_kinesis_stream.datalake_kinesis_ctr",
        attribute: "region",
        old: "eu-west-1",
        new: "eu-west-2",
      }),
    );
  });

  it("a changed instance alias replaces the instance, and nothing that only references its id", () => {
    const state = withValues("module.connect_instance.aws_connect_instance.this", {
      instance_alias: "other-alias",
    });
    const replaced = previewReplacements(state, config, INTENDED_REPLACEMENTS).filter((r) => !r.intended);
    expect(replaced.map((r) => `${r.address} ${r.attribute}`)).toStrictEqual([
      "aws_connect_instance.connect_instance_instance instance_alias",
    ]);
  });

  it("a kept type without a force-new table fails loudly instead of passing unseen", () => {
    const stripped = {
      ...config,
      resource: { ...config.resource, aws_unknown_thing: { x: {} } },
      moved: (config.moved ?? []).map((m) =>
        m.from === "module.kinesis_ctr.aws_kinesis_stream.this" ? { ...m, to: "aws_unknown_thing.x" } : m,
      ),
    };
    expect(() => previewReplacements(ORIGINAL, stripped, [])).toThrow(
      /no force-new table for aws_unknown_thing/,
    );
  });
});
