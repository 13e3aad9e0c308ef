import { HANDLED_INTENTS, BANKING_INTENTS } from "../../lambda/lex_fallback/intents";
import { LAMBDA_ALIAS_ARN, INSTANCE_ARN, resourcesOf, synthLexBots, type TfJson } from "./synth";
import { forSnapshot } from "../support/snapshot";

const { json, bots } = synthLexBots();
const botsByName = (): Record<string, TfJson> => resourcesOf(json, "aws_lexv2models_bot");
const intentsOf = (botAddress: string, locale: string): string[] =>
  Object.values(resourcesOf(json, "aws_lexv2models_intent"))
    .filter(
      (i) =>
        i.bot_id === `\${aws_lexv2models_bot.${botAddress}.id}` && i.locale_id.includes(locale.toLowerCase()),
    )
    .map((i) => i.name as string);

test("synthesized LexBots stack matches the snapshot", () => {
  expect(forSnapshot(json)).toMatchSnapshot();
});

test("three bots, named per environment, not child-directed", () => {
  const names = Object.values(botsByName()).map((b) => b.name);
  expect(names.sort()).toStrictEqual([
    "connect-comprehensive-dev-banking-bot",
    "connect-comprehensive-dev-bot",
    "connect-comprehensive-dev-sales-bot",
  ]);
  for (const bot of Object.values(botsByName()))
    expect(bot.data_privacy).toStrictEqual([{ child_directed: false }]);
});

test("gateway has en_GB (Amy) and en_US (Joanna); the en_US locale keeps its original address", () => {
  const locales = resourcesOf(json, "aws_lexv2models_bot_locale");
  expect(locales.lex_gateway_en_gb_locale).toMatchObject({
    locale_id: "en_GB",
    voice_settings: [{ voice_id: "Amy", engine: "neural" }],
  });
  expect(locales.en_us).toMatchObject({
    locale_id: "en_US",
    voice_settings: [{ voice_id: "Joanna" }],
    n_lu_intent_confidence_threshold: 0.4,
  });
  expect(locales.en_us.bot_id).toBe("${aws_lexv2models_bot.lex_gateway_bot.id}");
});

test("every guide intent is in the banking bot with both code hooks on", () => {
  const intents = Object.values(resourcesOf(json, "aws_lexv2models_intent")).filter(
    (i) => i.bot_id === "${aws_lexv2models_bot.lex_banking_bot.id}",
  );
  expect(intents.map((i) => i.name).sort()).toStrictEqual([...BANKING_INTENTS].sort());
  for (const intent of intents) {
    expect(intent.dialog_code_hook).toStrictEqual([{ enabled: true }]);
    expect(intent.fulfillment_code_hook).toStrictEqual([{ enabled: true }]);
  }
  expect(HANDLED_INTENTS).toContain("FallbackIntent");
});

test("the PIN slot is optional and obfuscated, and its type only accepts 4 to 6 digits", () => {
  const pin = resourcesOf(json, "aws_lexv2models_slot").lex_banking_en_gb_slot_check_balance_pin;
  expect(pin.obfuscation_setting).toStrictEqual([{ obfuscation_setting_type: "DefaultObfuscation" }]);
  expect(pin.value_elicitation_setting[0].slot_constraint).toBe("Optional");
  const type = resourcesOf(json, "aws_lexv2models_slot_type").lex_banking_en_gb_slot_type_pin_code;
  expect(type.parent_slot_type_signature).toBe("AMAZON.AlphaNumeric");
  expect(type.value_selection_setting).toStrictEqual([
    { resolution_strategy: "OriginalValue", regex_filter: [{ pattern: "[0-9]{4,6}" }] },
  ]);
});

test("gateway keeps the original intents per locale; FallbackIntent is not a resource", () => {
  expect(intentsOf("lex_gateway_bot", "en_GB").length + intentsOf("lex_gateway_bot", "en_US").length).toBe(4);
  const intents = resourcesOf(json, "aws_lexv2models_intent");
  expect(intents.transfer_to_agent_en_gb).toMatchObject({
    name: "TransferToAgent",
    locale_id: "${aws_lexv2models_bot_locale.lex_gateway_en_gb_locale.locale_id}",
  });
  expect(intents.transfer_to_agent_en_us).toMatchObject({
    name: "TransferToAgent",
    locale_id: "${aws_lexv2models_bot_locale.en_us.locale_id}",
  });
  expect(intents.chat_en_us.name).toBe("ChatIntent");
  expect(intents.sales_product.name).toBe("ProductInfo");
  expect(Object.values(intents).map((i) => i.name)).not.toContain("FallbackIntent");
});

test("three awscc aliases on published versions, code hook = the Lambda's live alias, logs to the bot's group", () => {
  const aliases = resourcesOf(json, "awscc_lex_bot_alias");
  expect(Object.keys(aliases).sort()).toStrictEqual(["banking", "sales", "this"]);
  expect(aliases.this.bot_version).toBe("${aws_lexv2models_bot_version.this.bot_version}");
  expect(aliases.this.bot_alias_locale_settings.map((s: TfJson) => s.locale_id)).toStrictEqual([
    "en_GB",
    "en_US",
  ]);
  for (const setting of aliases.this.bot_alias_locale_settings) {
    expect(setting.bot_alias_locale_setting.code_hook_specification.lambda_code_hook).toStrictEqual({
      lambda_arn: LAMBDA_ALIAS_ARN,
      code_hook_interface_version: "1.0",
    });
  }
  expect(
    aliases.sales.bot_alias_locale_settings[0].bot_alias_locale_setting.code_hook_specification,
  ).toBeUndefined();
  expect(
    aliases.banking.conversation_log_settings.text_log_settings[0].destination.cloudwatch
      .cloudwatch_log_group_arn,
  ).toBe("${aws_cloudwatch_log_group.banking_lex_logs.arn}");
});

test("each locale is built by the CLI before the version, and a content change makes a new version", () => {
  const builds = resourcesOf(json, "null_resource");
  expect(Object.keys(builds).sort()).toStrictEqual([
    "lex_banking_build_en_gb",
    "lex_gateway_build_en_gb",
    "lex_gateway_build_en_us",
    "lex_sales_build_en_gb",
  ]);
  const version = resourcesOf(json, "aws_lexv2models_bot_version").this;
  expect(version.depends_on).toStrictEqual([
    "null_resource.lex_gateway_build_en_gb",
    "null_resource.lex_gateway_build_en_us",
  ]);
  expect(version.lifecycle).toStrictEqual({ create_before_destroy: true });
  expect(version.description).toMatch(/^en_GB,en_US sha256:[0-9a-f]{32}$/);
  const exec = builds.lex_gateway_build_en_us.provisioner[0]["local-exec"];
  expect(exec.environment).toMatchObject({
    LOCALE_ID: "en_US",
    FALLBACK_DIALOG_HOOK: "true",
    FALLBACK_FULFILLMENT_HOOK: "true",
  });
  // Shell variables must reach sh literally, not as Terraform templates.
  expect(exec.command).toContain('"$${BOT_ID:?}"');
  expect(exec.command).not.toMatch(/[^$]\$\{(?!aws_)/);
  expect(
    builds.lex_sales_build_en_gb.provisioner[0]["local-exec"].environment.FALLBACK_FULFILLMENT_HOOK,
  ).toBe("false");
});

test("the build reruns when a locale's content changes, and only that locale's", () => {
  const other = synthLexBots({ voiceId: "Emma" }).json;
  const before = resourcesOf(json, "null_resource");
  const after = resourcesOf(other, "null_resource");
  expect(after.lex_gateway_build_en_gb.triggers.content_sha256).not.toBe(
    before.lex_gateway_build_en_gb.triggers.content_sha256,
  );
  expect(after.lex_gateway_build_en_us.triggers.content_sha256).toBe(
    before.lex_gateway_build_en_us.triggers.content_sha256,
  );
});

test("three LEX_BOT associations on the instance ARN, and no Lex V1 association anywhere", () => {
  const associations = Object.values(resourcesOf(json, "awscc_connect_integration_association"));
  expect(associations).toHaveLength(3);
  for (const a of associations)
    expect(a).toMatchObject({ instance_id: INSTANCE_ARN, integration_type: "LEX_BOT" });
  expect(associations.map((a) => a.integration_arn).sort()).toStrictEqual([
    "${awscc_lex_bot_alias.banking.arn}",
    "${awscc_lex_bot_alias.sales.arn}",
    "${awscc_lex_bot_alias.this.arn}",
  ]);
  expect(json.resource.aws_connect_bot_association).toBeUndefined();
  expect(bots.associations).toHaveLength(3);
});

test("Lambda permissions: lexv2 only, on the live alias, scoped to one bot alias ARN; none for the sales bot", () => {
  const permissions = resourcesOf(json, "aws_lambda_permission");
  expect(permissions.lex_invoke).toStrictEqual({
    action: "lambda:InvokeFunction",
    function_name: "lex-fallback",
    principal: "lexv2.amazonaws.com",
    qualifier: "live",
    source_arn: "${awscc_lex_bot_alias.this.arn}",
    statement_id: "AllowLexV2-gateway",
  });
  expect(permissions.lex_banking_invoke_permission.source_arn).toBe("${awscc_lex_bot_alias.banking.arn}");
  expect(Object.keys(permissions)).toHaveLength(2);
});

test("bot roles: lexv2 trust limited to the account; Polly, Comprehend and own log group only", () => {
  const role = resourcesOf(json, "aws_iam_role").lex_gateway_runtime_role;
  expect(JSON.parse(role.assume_role_policy).Statement).toStrictEqual([
    {
      Effect: "Allow",
      Principal: { Service: "lexv2.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
    },
  ]);
  const policy = JSON.parse(resourcesOf(json, "aws_iam_role_policy").lex_gateway_runtime_policy.policy);
  expect(policy.Statement.flatMap((s: TfJson) => s.Action).sort()).toStrictEqual([
    "comprehend:DetectSentiment",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "polly:SynthesizeSpeech",
  ]);
  expect(policy.Statement.find((s: TfJson) => s.Sid === "ConversationLogs").Resource).toBe(
    "${aws_cloudwatch_log_group.lex_logs.arn}:*",
  );
  expect(JSON.stringify(policy)).not.toContain("lambda:");
});

test("log groups keep their original addresses and take the KMS key when given", () => {
  const groups = resourcesOf(
    synthLexBots({ kmsKeyArn: "arn:aws:kms:eu-west-2:111122223333:key/k", logRetentionDays: 365 }).json,
    "aws_cloudwatch_log_group",
  );
  expect(Object.keys(groups).sort()).toStrictEqual(["banking_lex_logs", "lex_logs", "sales_lex_logs"]);
  expect(groups.lex_logs).toStrictEqual({
    name: "/aws/lex/connect-comprehensive-dev-bot",
    retention_in_days: 365,
    kms_key_id: "arn:aws:kms:eu-west-2:111122223333:key/k",
  });
  expect(resourcesOf(json, "aws_cloudwatch_log_group").lex_logs.kms_key_id).toBeUndefined();
});
