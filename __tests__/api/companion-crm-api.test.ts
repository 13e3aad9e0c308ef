import { loadConfig } from "../../config/load";
import { synthStack, type TerraformJson } from "../support/synth";

/** The companion/CRM HTTP API as synthesized for dev and prod. */
const dev = synthStack("dev").json;
const prod = synthStack("prod").json;

const ofType = (json: TerraformJson, type: string) => json.resource?.[type] ?? {};
const ref = (type: string, name: string, attribute = "id") => `\${${type}.${name}.${attribute}}`;

describe("CompanionCrmApi", () => {
  it("puts each route behind its own JWT authorizer: app users approve, agents look up", () => {
    const routes = ofType(dev, "aws_apigatewayv2_route");
    expect(Object.keys(routes).sort()).toStrictEqual(["auth_route", "crm_route"]);
    const authorizers = ofType(dev, "aws_apigatewayv2_authorizer");
    expect(routes.auth_route).toMatchObject({
      route_key: "POST /auth",
      authorization_type: "JWT",
      authorizer_id: ref("aws_apigatewayv2_authorizer", "api_companion_app"),
      target: `integrations/${ref("aws_apigatewayv2_integration", "auth_integration")}`,
    });
    expect(routes.crm_route).toMatchObject({
      route_key: "GET /customer",
      authorization_type: "JWT",
      authorizer_id: ref("aws_apigatewayv2_authorizer", "api_agents"),
    });
    // Prod names the bank's providers; the companion app's token cannot pass the agents' check.
    const prodAuthorizers = ofType(prod, "aws_apigatewayv2_authorizer");
    expect(prodAuthorizers.api_companion_app!.jwt_configuration).toStrictEqual({
      issuer: "https://login.bank.example/oauth2/companion",
      audience: ["companion-app"],
    });
    expect(prodAuthorizers.api_agents!.jwt_configuration).toStrictEqual({
      issuer: "https://sso.bank.example/oauth2/agents",
      audience: ["agent-desktop"],
    });
    expect(authorizers.api_agents).toMatchObject({
      authorizer_type: "JWT",
      identity_sources: ["$request.header.Authorization"],
    });
  });

  it("throttles the stage and writes access logs without claims, headers or query strings to a KMS log group", () => {
    const stage = ofType(dev, "aws_apigatewayv2_stage").auth_api_stage!;
    expect(stage).toMatchObject({
      name: "$default",
      default_route_settings: { throttling_rate_limit: 50, throttling_burst_limit: 100 },
      access_log_settings: { destination_arn: ref("aws_cloudwatch_log_group", "auth_api_gw", "arn") },
    });
    const format = (stage.access_log_settings as { format: string }).format;
    expect(Object.values(JSON.parse(format))).not.toContainEqual(
      expect.stringMatching(/claims|header|querystring|body/i),
    );
    expect(ofType(dev, "aws_cloudwatch_log_group").auth_api_gw).toMatchObject({
      name: "/aws/apigateway/connect-comprehensive-auth-api",
      kms_key_id: expect.stringContaining("aws_kms_key."),
      retention_in_days: expect.any(Number),
    });
  });

  it("integrates the live aliases of the TypeScript functions, each invocable only by its own route", () => {
    const integrations = ofType(dev, "aws_apigatewayv2_integration");
    expect(integrations.auth_integration).toMatchObject({
      integration_type: "AWS_PROXY",
      payload_format_version: "2.0",
      integration_uri: ref("aws_lambda_alias", "api_companion_lambda_alias", "arn"),
    });
    const permissions = ofType(dev, "aws_lambda_permission");
    expect(permissions.apigw_invoke).toMatchObject({
      principal: "apigateway.amazonaws.com",
      qualifier: ref("aws_lambda_alias", "api_companion_lambda_alias", "name"),
      source_arn: `${ref("aws_apigatewayv2_api", "auth_api", "execution_arn")}/*/POST/auth`,
    });
    expect(permissions.apigw_invoke_crm).toMatchObject({
      source_arn: `${ref("aws_apigatewayv2_api", "auth_api", "execution_arn")}/*/GET/customer`,
    });
  });

  it("grants each function only what it uses: answer companion requests, or read the banking key", () => {
    const policies = ofType(dev, "aws_iam_role_policy");
    const statements = (name: string) =>
      (JSON.parse(String(policies[name]!.policy)) as { Statement: { Sid: string; Action: string[] }[] })
        .Statement;
    expect(
      statements("api_companion_lambda_policy").find((s) => s.Sid === "AnswerCompanionRequests")?.Action,
    ).toStrictEqual(["dynamodb:UpdateItem", "dynamodb:GetItem"]);
    const crmActions = statements("api_crm_lambda_policy").flatMap((s) => s.Action);
    expect(crmActions).toContain("secretsmanager:GetSecretValue");
    expect(crmActions.filter((a) => a.startsWith("dynamodb:"))).toStrictEqual([]);
  });

  it("alarms the operations topic on API 5xx and on either function failing", () => {
    const alarms = Object.values(ofType(dev, "aws_cloudwatch_metric_alarm"));
    const ours = alarms.filter((a) =>
      /auth-api-5xx|companion-approval|crm-customer/.test(String(a.alarm_name)),
    );
    expect(ours.map((a) => [a.alarm_name, a.namespace, a.metric_name]).sort()).toStrictEqual([
      ["connect-comprehensive-auth-api-5xx", "AWS/ApiGateway", "5xx"],
      ["connect-comprehensive-companion-approval-errors", "AWS/Lambda", "Errors"],
      ["connect-comprehensive-crm-customer-errors", "AWS/Lambda", "Errors"],
    ]);
    for (const alarm of ours) {
      expect(alarm.alarm_actions).toStrictEqual([ref("aws_sns_topic", "alerts_alarms_topic", "arn")]);
    }
  });

  it("points the CCP page at the API and lets the page's origin call it", () => {
    const settings = JSON.stringify(ofType(dev, "aws_s3_object"));
    expect(settings).toContain(ref("aws_apigatewayv2_api", "auth_api", "api_endpoint"));
    const cors = (api: TerraformJson) => ofType(api, "aws_apigatewayv2_api").auth_api!.cors_configuration;
    expect(cors(prod)).toMatchObject({ allow_origins: ["https://ccp.contact-centre.bank.example"] });
  });

  it("moves the original API and stage, and destroys the Python functions it replaces", () => {
    expect(dev.moved).toEqual(
      expect.arrayContaining([
        { from: "module.auth_api_gateway.aws_apigatewayv2_api.this", to: "aws_apigatewayv2_api.auth_api" },
      ]),
    );
    const removed = (dev.removed ?? []).filter((r) => /(auth|crm)_api_(lambda|role|policy)/.test(r.from));
    expect(removed.map((r) => [r.from, r.lifecycle.destroy])).toStrictEqual([
      ["module.auth_api_lambda.aws_lambda_function.this", true],
      ["aws_iam_role.auth_api_role", true],
      ["aws_iam_role_policy.auth_api_policy", true],
      ["module.crm_api_lambda.aws_lambda_function.this", true],
      ["aws_iam_role.crm_api_role", true],
      ["aws_iam_role_policy.crm_api_policy", true],
    ]);
  });
});

describe("api config", () => {
  it("refuses production whose identity providers are the reserved defaults", () => {
    expect(() =>
      loadConfig({ env: "prod", overrides: { api: { agents: { issuer: "https://agents.idp.invalid" } } } }),
    ).toThrow(
      /api\.agents\.issuer: production authorizes agents \(GET \/customer\) with a real identity provider/,
    );
  });

  it("refuses an agents' authorizer that would accept the companion app's tokens", () => {
    const same = { issuer: "https://login.bank.example/oauth2", audience: ["mobile"] };
    expect(() =>
      loadConfig({ env: "dev", overrides: { api: { companionApp: same, agents: same } } }),
    ).toThrow(/api\.agents\.audience: the companion app and the agents share issuer and audience mobile/);
  });
});
