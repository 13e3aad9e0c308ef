import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { join } from "node:path";
import { loadConfig as loadStackConfig } from "../../config/load";
import { LexFallbackLambda, type LexFallbackRateLimits } from "../../constructs/lambda/lex-fallback-lambda";
import { DEFAULT_RATE_LIMITS, loadConfig as loadLambdaConfig } from "../../lambda/lex_fallback/config";
import { NodejsLambda } from "../../constructs/lambda/nodejs-lambda";
import { zipFromFile } from "../../constructs/lambda/types";
import { AddressedStack } from "../../constructs/core/addresses";

const code = zipFromFile(join(__dirname, "fixtures", "prebuilt.zip"));
const KMS = "arn:aws:kms:eu-west-2:111122223333:key/abc";

function synth(build: (stack: AddressedStack) => void): Record<string, Record<string, Record<string, any>>> {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-2" });
  build(stack);
  return JSON.parse(Testing.synth(stack, true)).resource;
}

const lexProps = {
  code,
  kmsKeyArn: KMS,
  authStateTableArn: "arn:aws:dynamodb:eu-west-2:111122223333:table/cc-auth-state",
  securityEventsTableArn: "arn:aws:dynamodb:eu-west-2:111122223333:table/cc-security-events",
  callbackTableArn: "arn:aws:dynamodb:eu-west-2:111122223333:table/cc-callbacks",
  fraudTopicArn: "arn:aws:sns:eu-west-2:111122223333:cc-fraud",
  bankingApiUrl: "https://bank.internal",
  bankingApiSecretArn: "arn:aws:secretsmanager:eu-west-2:111122223333:secret:bank-abc",
  bedrockModelId: "anthropic.claude-3-haiku-20240307-v1:0",
  bedrockModelArns: ["arn:aws:bedrock:eu-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"],
  guardrail: { arn: "arn:aws:bedrock:eu-west-2:111122223333:guardrail/g1", id: "g1", version: "1" },
};

describe("NodejsLambda", () => {
  it("publishes a version behind a live alias, hashes the zip, encrypts env and logs, and writes JSON logs to its own group", () => {
    const r = synth((s) => new NodejsLambda(s, "Api", { functionName: "cc-api", code, kmsKeyArn: KMS }));
    const fn = r.aws_lambda_function!.api_function!;
    expect(fn).toMatchObject({
      function_name: "cc-api",
      handler: "index.handler",
      runtime: "nodejs22.x",
      publish: true,
      source_code_hash: code.sha256Base64,
      kms_key_arn: KMS,
      tracing_config: { mode: "Active" },
      logging_config: { log_format: "JSON", log_group: "${aws_cloudwatch_log_group.api_log_group.name}" },
    });
    expect(r.aws_lambda_alias!.api_alias).toMatchObject({
      name: "live",
      function_version: "${aws_lambda_function.api_function.version}",
    });
    expect(r.aws_cloudwatch_log_group!.api_log_group).toMatchObject({
      name: "/aws/lambda/cc-api",
      retention_in_days: 365,
      kms_key_id: KMS,
    });
  });

  it("grants only its log group, its key and X-Ray (the one documented wildcard)", () => {
    const r = synth((s) => new NodejsLambda(s, "Api", { functionName: "cc-api", code, kmsKeyArn: KMS }));
    const policy = JSON.parse(r.aws_iam_role_policy!.api_policy!.policy);
    expect(policy.Statement.map((st: any) => [st.Sid, st.Resource])).toStrictEqual([
      ["WriteOwnLogs", ["${aws_cloudwatch_log_group.api_log_group.arn}:*"]],
      ["DecryptEnvironment", [KMS]],
      ["WriteTraces", ["*"]],
    ]);
  });

  it.each([
    [{ functionName: "bad name" }, /functionName "bad name"/],
    [{ statements: [{ sid: "Any", actions: ["dynamodb:GetItem"], resources: ["*"] }] }, /Resource "\*"/],
    [{ statements: [{ sid: "All", actions: ["dynamodb:*"], resources: ["arn:x"] }] }, /wildcard action/],
    [{ environment: { BANK_API_KEY: "x" } }, /looks like a secret/],
    [{ logRetentionDays: 42 as never }, /logRetentionDays 42/],
  ])("refuses %p", (override, message) => {
    expect(() =>
      synth((s) => new NodejsLambda(s, "Api", { functionName: "cc-api", code, kmsKeyArn: KMS, ...override })),
    ).toThrow(message);
  });

  it("allowInvoke scopes the permission to the live alias and one source ARN", () => {
    const arn = "arn:aws:lex:eu-west-2:111122223333:bot-alias/BOT/ALIAS";
    const r = synth((s) =>
      new NodejsLambda(s, "Api", { functionName: "cc-api", code, kmsKeyArn: KMS }).allowInvoke(
        "BankingBot",
        "lexv2.amazonaws.com",
        arn,
      ),
    );
    expect(r.aws_lambda_permission!.api_banking_bot).toStrictEqual({
      action: "lambda:InvokeFunction",
      function_name: "${aws_lambda_function.api_function.function_name}",
      principal: "lexv2.amazonaws.com",
      qualifier: "${aws_lambda_alias.api_alias.name}",
      source_arn: arn,
      statement_id: "AllowBankingBot",
    });
  });
});

describe("LexFallbackLambda", () => {
  it("may only send to the fraud backup queue it is given, and is told its URL", () => {
    const queue = {
      arn: "arn:aws:sqs:eu-west-2:111122223333:cc-fraud-alert-backup",
      url: "https://sqs.eu-west-2.amazonaws.com/111122223333/cc-fraud-alert-backup",
    };
    const r = synth((s) => new LexFallbackLambda(s, "LexFallback", { ...lexProps, fraudBackupQueue: queue }));
    const statements = JSON.parse(r.aws_iam_role_policy!.lex_fallback_lambda_policy!.policy).Statement;
    expect(statements.find((st: any) => st.Sid === "FraudBackupQueue")).toMatchObject({
      Action: ["sqs:SendMessage"],
      Resource: [queue.arn],
    });
    expect(
      r.aws_lambda_function!.lex_fallback_lambda_function!.environment.variables.FRAUD_ALERT_BACKUP_QUEUE_URL,
    ).toBe(queue.url);
  });

  it("grants exactly the actions the code uses on exactly the given ARNs", () => {
    const r = synth((s) => new LexFallbackLambda(s, "LexFallback", lexProps));
    const statements = JSON.parse(r.aws_iam_role_policy!.lex_fallback_lambda_policy!.policy).Statement;
    const byId = Object.fromEntries(statements.map((st: any) => [st.Sid, [st.Action, st.Resource]]));
    expect(byId.AuthState).toStrictEqual([
      ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
      [lexProps.authStateTableArn],
    ]);
    expect(byId.SecurityEvents).toStrictEqual([["dynamodb:PutItem"], [lexProps.securityEventsTableArn]]);
    expect(byId.CallbackRequests).toStrictEqual([
      ["dynamodb:Query", "dynamodb:PutItem"],
      [lexProps.callbackTableArn],
    ]);
    expect(byId.PublishAlerts).toStrictEqual([["sns:Publish"], [lexProps.fraudTopicArn]]);
    expect(byId.BankingApiKey).toStrictEqual([
      ["secretsmanager:GetSecretValue"],
      [lexProps.bankingApiSecretArn],
    ]);
    expect(byId.Converse).toStrictEqual([["bedrock:InvokeModel"], lexProps.bedrockModelArns]);
    expect(byId.Guardrail).toStrictEqual([["bedrock:ApplyGuardrail"], [lexProps.guardrail.arn]]);
  });

  it("passes names and ARNs in the environment, never a secret value, and counts undelivered alerts", () => {
    const r = synth((s) => new LexFallbackLambda(s, "LexFallback", lexProps));
    const env = r.aws_lambda_function!.lex_fallback_lambda_function!.environment.variables;
    expect(env).toMatchObject({
      FRAUD_ALERT_TOPIC_ARN: lexProps.fraudTopicArn,
      BANKING_API_SECRET_ID: lexProps.bankingApiSecretArn,
      BEDROCK_GUARDRAIL_ID: "g1",
      BEDROCK_GUARDRAIL_VERSION: "1",
      LEX_CONFIDENCE_THRESHOLD: "0.7",
      AI_METRICS_NAMESPACE: "Connect/BedrockMCP",
    });
    const custom = synth(
      (s) => new LexFallbackLambda(s, "LexFallback", { ...lexProps, aiMetricsNamespace: "Bank/AI" }),
    );
    expect(custom.aws_lambda_function!.lex_fallback_lambda_function!.environment.variables).toMatchObject({
      AI_METRICS_NAMESPACE: "Bank/AI",
    });
    expect(env.CALLBACK_TABLE_NAME).toBe('${element(split("/", "' + lexProps.callbackTableArn + '"), 1)}');
    expect(r.aws_lambda_function!.lex_fallback_lambda_function!.timeout).toBe(5);
    expect(r.aws_cloudwatch_log_metric_filter!.lex_fallback_fraud_alert_undelivered).toMatchObject({
      pattern: '{ $.message = "FRAUD_ALERT_UNDELIVERED" }',
      metric_transformation: {
        name: "FraudAlertUndelivered",
        namespace: "ContactCentre/LexFallback",
        value: "1",
      },
    });
  });

  it("gives the function the rate limits config states, which it reads back as stated", () => {
    const env = (rateLimits?: LexFallbackRateLimits) =>
      synth(
        (s) =>
          new LexFallbackLambda(s, "LexFallback", { ...lexProps, ...(rateLimits ? { rateLimits } : {}) }),
      ).aws_lambda_function!.lex_fallback_lambda_function!.environment.variables;
    const stated = loadStackConfig({ env: "dev" }).security.rateLimits;
    expect(loadLambdaConfig(env(stated)).rateLimits).toStrictEqual(DEFAULT_RATE_LIMITS);
    expect(loadLambdaConfig(env()).rateLimits).toStrictEqual(DEFAULT_RATE_LIMITS);
    const tighter = {
      windowMinutes: 10,
      perContact: { sensitiveOperations: 8, modelQuestions: 4 },
      perCustomer: { sensitiveOperations: 16, modelQuestions: 9 },
    };
    expect(loadLambdaConfig(env(tighter)).rateLimits).toStrictEqual({
      windowSeconds: 600,
      contact: { sensitive: 8, llm: 4 },
      customer: { sensitive: 16, llm: 9 },
    });
  });

  it("allowConnect lets one Connect instance invoke the live alias, and only that instance", () => {
    const instanceArn = "arn:aws:connect:eu-west-2:111122223333:instance/0f3c9f27";
    const r = synth((s) => new LexFallbackLambda(s, "LexFallback", lexProps).allowConnect(instanceArn));
    expect(Object.values(r.aws_lambda_permission!)).toStrictEqual([
      expect.objectContaining({
        action: "lambda:InvokeFunction",
        principal: "connect.amazonaws.com",
        source_arn: instanceArn,
        qualifier: "${aws_lambda_alias.lex_fallback_lambda_alias.name}",
      }),
    ]);
    expect(() => synth((s) => new LexFallbackLambda(s, "LexFallback", lexProps).allowConnect(""))).toThrow(
      /exact source ARN/,
    );
  });

  it("associates the live alias (not $LATEST) with the Connect instance", () => {
    const r = synth((s) =>
      new LexFallbackLambda(s, "LexFallback", lexProps).associateWithInstance("instance-1"),
    );
    expect(Object.values(r.aws_connect_lambda_function_association!)).toStrictEqual([
      // Unqualified, as the provider docs require; the flows invoke the alias (allowConnect).
      { instance_id: "instance-1", function_arn: "${aws_lambda_function.lex_fallback_lambda_function.arn}" },
    ]);
  });

  it("refuses a confidence threshold outside (0, 1)", () => {
    expect(() =>
      synth((s) => new LexFallbackLambda(s, "LexFallback", { ...lexProps, confidenceThreshold: 70 })),
    ).toThrow(/confidenceThreshold 70/);
  });
});
