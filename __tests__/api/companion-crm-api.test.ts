import { loadConfig } from "../../config/load";
import { ACCESS_AUDIT_UNWRITTEN } from "../../lambda/http_api/log-events";
import { customerIdFormatToEnv, DEFAULT_CUSTOMER_ID_FORMAT } from "../../lambda/shared/customer-id";
import { synthStack, type TerraformJson } from "../support/synth";

/** The companion/CRM HTTP API as synthesized for dev and prod. */
const dev = synthStack("dev").json;
const prod = synthStack("prod").json;

const ofType = (json: TerraformJson, type: string) => json.resource?.[type] ?? {};
const ref = (type: string, name: string, attribute = "id") => `\${${type}.${name}.${attribute}}`;
const variablesOf = (json: TerraformJson, fn: string) =>
  (ofType(json, "aws_lambda_function")[fn] as { environment: { variables: Record<string, string> } })
    .environment.variables;

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

  it("throttles the stage and writes access logs with the caller but no other claim, header or query string to a KMS log group", () => {
    const stage = ofType(dev, "aws_apigatewayv2_stage").auth_api_stage!;
    expect(stage).toMatchObject({
      name: "$default",
      default_route_settings: { throttling_rate_limit: 50, throttling_burst_limit: 100 },
      access_log_settings: { destination_arn: ref("aws_cloudwatch_log_group", "auth_api_gw", "arn") },
    });
    const format = JSON.parse((stage.access_log_settings as { format: string }).format) as Record<
      string,
      string
    >;
    // Who called: the verified token's subject, the key the lookups-per-agent rule counts by.
    expect(format.caller).toBe("$context.authorizer.claims.sub");
    const others = Object.entries(format).filter(([field]) => field !== "caller");
    expect(others.map(([, value]) => value)).not.toContainEqual(
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

  const statements = (json: TerraformJson, name: string) =>
    (
      JSON.parse(String(ofType(json, "aws_iam_role_policy")[name]!.policy)) as {
        Statement: { Sid: string; Action: string[]; Resource: string[] }[];
      }
    ).Statement;
  const AUDIT_TABLE = ref("aws_dynamodb_table", "security_customer_access_table", "arn");

  it("grants each function only what it uses: answer companion requests, or read the banking key", () => {
    expect(
      statements(dev, "api_companion_lambda_policy").find((s) => s.Sid === "AnswerCompanionRequests")?.Action,
    ).toStrictEqual(["dynamodb:UpdateItem", "dynamodb:GetItem"]);
    const crm = statements(dev, "api_crm_lambda_policy");
    expect(crm.flatMap((s) => s.Action)).toContain("secretsmanager:GetSecretValue");
    expect(crm.filter((s) => s.Action.some((a) => a.startsWith("dynamodb:")))).toStrictEqual([
      { Sid: "AppendAccessAudit", Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: [AUDIT_TABLE] },
    ]);
  });

  it("lets the functions only append to the access audit: PutItem, never update, delete or read", () => {
    for (const json of [dev, prod]) {
      const onAudit = Object.keys(ofType(json, "aws_iam_role_policy")).flatMap((name) =>
        statements(json, name)
          .filter((s) => JSON.stringify(s.Resource).includes("security_customer_access_table"))
          .map((s) => [name, s.Action]),
      );
      expect(onAudit).toStrictEqual([
        ["api_companion_lambda_policy", ["dynamodb:PutItem"]],
        ["api_crm_lambda_policy", ["dynamodb:PutItem"]],
      ]);
    }
    const table = ofType(prod, "aws_dynamodb_table").security_customer_access_table!;
    expect(table).toMatchObject({
      name: "connect-comprehensive-customer-access",
      hash_key: "customer_id",
      range_key: "accessed_at",
      ttl: { enabled: true, attribute_name: "ttl" },
      point_in_time_recovery: { enabled: true },
      deletion_protection_enabled: true,
    });
  });

  it("tells both functions the audit table, a retention as long as the logs, the id format and the agents' group", () => {
    const env = (json: TerraformJson, fn: string) => variablesOf(json, fn);
    for (const [json, days] of [
      [dev, loadConfig({ env: "dev" }).observability.logRetentionDays],
      [prod, 365],
    ] as const) {
      for (const fn of ["api_companion_lambda_function", "api_crm_lambda_function"]) {
        expect(env(json, fn)).toMatchObject({
          ACCESS_AUDIT_TABLE_NAME: ref("aws_dynamodb_table", "security_customer_access_table", "name"),
          AUDIT_RETENTION_DAYS: String(days),
          CUSTOMER_ID_FORMAT: customerIdFormatToEnv(DEFAULT_CUSTOMER_ID_FORMAT),
        });
      }
    }
    // dev too: a token the agents' authorizer accepts is not leave to read any customer.
    expect(env(dev, "api_crm_lambda_function").REQUIRED_AGENT_GROUP).toBe("contact-centre-agents");
  });

  it("alarms when one agent looks up unusually many customers, counted per caller from the access log", () => {
    const rules = ofType(dev, "aws_cloudwatch_contributor_insight_rule");
    const rule = rules.api_customer_access_lookups_per_agent!;
    expect(rule.rule_name).toBe("connect-comprehensive-crm-lookups-per-agent");
    expect(JSON.parse(String(rule.rule_definition))).toStrictEqual({
      Schema: { Name: "CloudWatchLogRule", Version: 1 },
      LogGroupNames: ["/aws/apigateway/connect-comprehensive-auth-api"],
      LogFormat: "JSON",
      Contribution: { Keys: ["$.caller"], Filters: [{ Match: "$.routeKey", In: ["GET /customer"] }] },
      AggregateOn: "Count",
    });
    expect(rule.depends_on).toStrictEqual(["aws_cloudwatch_log_group.auth_api_gw"]);
    const alarm = ofType(dev, "aws_cloudwatch_metric_alarm").api_customer_access_lookups_per_agent_high!;
    expect(alarm).toMatchObject({
      alarm_name: "connect-comprehensive-crm-lookups-per-agent-high",
      metric_query: [
        {
          expression:
            'INSIGHT_RULE_METRIC("connect-comprehensive-crm-lookups-per-agent", "MaxContributorValue")',
          period: 300,
          return_data: true,
        },
      ],
      comparison_operator: "GreaterThanThreshold",
      threshold: 30,
      alarm_actions: [ref("aws_sns_topic", "alerts_alarms_topic", "arn")],
      ok_actions: [ref("aws_sns_topic", "alerts_alarms_topic", "arn")],
    });
  });

  it("counts access records the functions could not write, and alarms on the first", () => {
    const filters = ofType(dev, "aws_cloudwatch_log_metric_filter");
    for (const fn of ["companion", "crm"]) {
      expect(filters[`api_customer_access_${fn}_audit_unwritten`]).toMatchObject({
        log_group_name: ref("aws_cloudwatch_log_group", `api_${fn}_lambda_log_group`, "name"),
        pattern: `{ $.message = "${ACCESS_AUDIT_UNWRITTEN}" }`,
        metric_transformation: { name: "AccessAuditUnwritten", namespace: "ContactCentre/CustomerAccess" },
      });
    }
    expect(ofType(dev, "aws_cloudwatch_metric_alarm").api_customer_access_audit_unwritten).toMatchObject({
      namespace: "ContactCentre/CustomerAccess",
      metric_name: "AccessAuditUnwritten",
      threshold: 0,
    });
  });

  it("carries security.customerIdFormat to all three functions that key on a customer id", () => {
    const characters = "A-Z0-9-";
    const custom = synthStack("dev", { security: { customerIdFormat: { characters } } }).json;
    const expected = customerIdFormatToEnv({ ...DEFAULT_CUSTOMER_ID_FORMAT, characters });
    for (const fn of [
      "lex_fallback_lambda_function",
      "api_companion_lambda_function",
      "api_crm_lambda_function",
    ]) {
      expect([fn, variablesOf(custom, fn).CUSTOMER_ID_FORMAT]).toStrictEqual([fn, expected]);
    }
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
