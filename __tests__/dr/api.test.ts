import { errorsOf, runRules } from "../../constructs/rules";
import type { TerraformJson } from "../support/synth";
import { GROUP_ARN, byAddress, drJson, prodJson, prodWithDr } from "./stack";

const PRIMARY = "eu-west-2";
const REPLICA = "eu-central-1";
const DOMAIN = "api.contact.bank.example";
const ZONE = "Z0123456789ABCDEFGHIJ";
const API = { api: { domainName: DOMAIN, hostedZoneId: ZONE } };

type Body = Record<string, unknown>;
const env = (fn: Body) => (fn.environment as { variables: Record<string, string> }).variables;

/**
 * The companion/CRM API in the replica Region behind the bank's failover domain
 * (docs/disaster-recovery.md): without it, agents in Frankfurt cannot look customers up during a
 * failover and app approvals fail.
 */
describe("disaster recovery: the companion/CRM API behind a failover domain", () => {
  const off = prodJson();
  const withoutApi = drJson({ trafficDistributionGroupArn: GROUP_ARN });
  const withApi = drJson({ trafficDistributionGroupArn: GROUP_ARN, ...API });
  const resources = byAddress(withApi);
  const get = (address: string): Body => {
    const body = resources.get(address);
    if (body === undefined) throw new Error(`no ${address} in the DR stack with dr.api`);
    return body;
  };
  const ofType = (json: TerraformJson, type: string): Array<[string, Body]> =>
    Object.entries(json.resource?.[type] ?? {});

  it.each([
    ["before the group is known", {}],
    ["with the group", { trafficDistributionGroupArn: GROUP_ARN }],
  ])("passes the stack rules on prod with DR and dr.api %s: 0 errors, no stale exception", (_w, dr) => {
    const config = prodWithDr({ ...dr, ...API });
    const report = runRules(drJson({ ...dr, ...API }), {
      production: true,
      suppressions: config.rules.suppressions,
    });
    expect(errorsOf(report).map((f) => `${f.rule} ${f.address}: ${f.message}`)).toStrictEqual([]);
    expect(report.unusedSuppressions).toStrictEqual([]);
  });

  it("keeps the API in the primary Region only while dr.api is unset (DR on), as before", () => {
    expect(ofType(withoutApi, "aws_apigatewayv2_api").map(([name]) => name)).toStrictEqual(["auth_api"]);
    expect(ofType(withoutApi, "aws_apigatewayv2_domain_name")).toStrictEqual([]);
    expect(ofType(withoutApi, "aws_route53_record")).toStrictEqual([]);
  });

  it("gives the replica API the primary's routes, each behind the same authorizer (same issuer and audience)", () => {
    const routesOf = (api: string) =>
      ofType(withApi, "aws_apigatewayv2_route")
        .filter(([, r]) => r.api_id === `\${aws_apigatewayv2_api.${api}.id}`)
        .map(([, r]) => {
          const authorizer = String(r.authorizer_id).match(/aws_apigatewayv2_authorizer\.([a-z_]+)\.id/)?.[1];
          const { jwt_configuration: jwt, identity_sources: sources } = get(
            `aws_apigatewayv2_authorizer.${authorizer}`,
          );
          return { route: r.route_key, type: r.authorization_type, jwt, sources };
        })
        .sort((a, b) => String(a.route).localeCompare(String(b.route)));
    const primary = routesOf("auth_api");
    expect(primary.map((r) => r.route)).toStrictEqual(["GET /customer", "POST /auth"]);
    expect(routesOf("dr_api_api")).toStrictEqual(primary);
    expect(primary.map((r) => r.jwt)).toStrictEqual([
      { issuer: "https://sso.bank.example/oauth2/agents", audience: ["agent-desktop"] },
      { issuer: "https://login.bank.example/oauth2/companion", audience: ["companion-app"] },
    ]);
    expect(get("aws_apigatewayv2_api.dr_api_api")).toMatchObject({
      name: get("aws_apigatewayv2_api.auth_api").name,
      cors_configuration: get("aws_apigatewayv2_api.auth_api").cors_configuration,
      region: REPLICA,
    });
    expect(get("aws_apigatewayv2_stage.dr_api_stage").default_route_settings).toStrictEqual(
      get("aws_apigatewayv2_stage.auth_api_stage").default_route_settings,
    );
  });

  it("runs the primary's bundles under the same names on the replica key, tables and secret", () => {
    for (const [primary, replica] of [
      ["api_companion_lambda_function", "dr_api_companion_lambda_function"],
      ["api_crm_lambda_function", "dr_api_crm_lambda_function"],
    ]) {
      const p = get(`aws_lambda_function.${primary}`);
      const r = get(`aws_lambda_function.${replica}`);
      expect(r).toMatchObject({
        function_name: p.function_name,
        source_code_hash: p.source_code_hash,
        kms_key_arn: "${aws_kms_key.dr_kms_key_key.arn}",
        region: REPLICA,
      });
      expect(Object.keys(env(r)).sort()).toStrictEqual(Object.keys(env(p)).sort());
      expect(env(r).ACCESS_AUDIT_TABLE_NAME).toBe(
        '${element(split("/", aws_dynamodb_table_replica.dr_customer_access_replica.arn), 1)}',
      );
    }
    expect(env(get("aws_lambda_function.dr_api_companion_lambda_function")).AUTH_STATE_TABLE_NAME).toBe(
      '${element(split("/", aws_dynamodb_table_replica.dr_auth_state_replica.arn), 1)}',
    );
    expect(env(get("aws_lambda_function.dr_api_crm_lambda_function")).BANKING_API_SECRET_ID).toBe(
      `\${replace(aws_secretsmanager_secret.secrets_banking_api_key.arn, ":${PRIMARY}:", ":${REPLICA}:")}`,
    );
    // IAM is global: the replica's roles have names of their own.
    expect(get("aws_iam_role.dr_api_crm_lambda_role").name).toBe(
      `${String(get("aws_iam_role.api_crm_lambda_role").name)}-${REPLICA}`,
    );
  });

  it("keeps the primary's log retention and key rule: every replica API log group on the replica key", () => {
    const groups = ofType(withApi, "aws_cloudwatch_log_group").filter(([name]) => name.startsWith("dr_api_"));
    expect(groups.map(([name]) => name).sort()).toStrictEqual([
      "dr_api_access_logs",
      "dr_api_companion_lambda_log_group",
      "dr_api_crm_lambda_log_group",
    ]);
    for (const [, group] of groups) {
      expect(group).toMatchObject({
        retention_in_days: 365,
        kms_key_id: "${aws_kms_key.dr_kms_key_key.arn}",
        region: REPLICA,
      });
    }
  });

  it("has a certificate per Region, validated by DNS through one record set (ACM asks the same one in both)", () => {
    for (const [side, region] of [
      ["primary", undefined],
      ["replica", REPLICA],
    ] as const) {
      // The primary's side takes the provider's Region, as every primary resource does.
      const inRegion = (body: Body) => expect(body.region).toBe(region);
      inRegion(get(`aws_acm_certificate.dr_api_domain_${side}_certificate`));
      inRegion(get(`aws_acm_certificate_validation.dr_api_domain_${side}_certificate_validation`));
      inRegion(get(`aws_apigatewayv2_domain_name.dr_api_domain_${side}_domain_name`));
      expect(get(`aws_acm_certificate.dr_api_domain_${side}_certificate`)).toMatchObject({
        domain_name: DOMAIN,
        validation_method: "DNS",
      });
      expect(
        get(`aws_acm_certificate_validation.dr_api_domain_${side}_certificate_validation`),
      ).toMatchObject({
        certificate_arn: `\${aws_acm_certificate.dr_api_domain_${side}_certificate.arn}`,
        validation_record_fqdns: ["${aws_route53_record.dr_api_domain_validation_record.fqdn}"],
      });
      expect(get(`aws_apigatewayv2_domain_name.dr_api_domain_${side}_domain_name`)).toMatchObject({
        domain_name: DOMAIN,
        domain_name_configuration: {
          certificate_arn: `\${aws_acm_certificate_validation.dr_api_domain_${side}_certificate_validation.certificate_arn}`,
          endpoint_type: "REGIONAL",
          security_policy: "TLS_1_2",
        },
      });
    }
    expect(get("aws_route53_record.dr_api_domain_validation_record")).toMatchObject({
      zone_id: ZONE,
      allow_overwrite: true,
    });
    // Should ACM ask the replica for another record, the apply stops naming it.
    const [check] = (
      get("aws_acm_certificate_validation.dr_api_domain_replica_certificate_validation").lifecycle as {
        precondition: Array<{ condition: string }>;
      }
    ).precondition;
    expect(check?.condition).toContain(
      "aws_acm_certificate.dr_api_domain_replica_certificate.domain_validation_options).0.resource_record_name == tolist(aws_acm_certificate.dr_api_domain_primary_certificate.domain_validation_options).0.resource_record_name",
    );
  });

  it("maps each Region's domain to that Region's API", () => {
    expect(get("aws_apigatewayv2_api_mapping.dr_api_domain_primary_api_mapping")).toStrictEqual({
      api_id: "${aws_apigatewayv2_api.auth_api.id}",
      domain_name: "${aws_apigatewayv2_domain_name.dr_api_domain_primary_domain_name.id}",
      stage: "${aws_apigatewayv2_stage.auth_api_stage.id}",
    });
    expect(get("aws_apigatewayv2_api_mapping.dr_api_domain_replica_api_mapping")).toStrictEqual({
      api_id: "${aws_apigatewayv2_api.dr_api_api.id}",
      domain_name: "${aws_apigatewayv2_domain_name.dr_api_domain_replica_domain_name.id}",
      stage: "${aws_apigatewayv2_stage.dr_api_stage.id}",
      region: REPLICA,
    });
  });

  it("answers with London while its health check passes and with Frankfurt otherwise (Route 53 failover)", () => {
    const target = (side: string) => `aws_apigatewayv2_domain_name.dr_api_domain_${side}_domain_name`;
    expect(get("aws_route53_record.dr_api_domain_primary_record")).toStrictEqual({
      zone_id: ZONE,
      name: DOMAIN,
      type: "A",
      set_identifier: PRIMARY,
      failover_routing_policy: { type: "PRIMARY" },
      health_check_id: "${aws_route53_health_check.dr_api_domain_primary_health_check.id}",
      alias: {
        name: `\${${target("primary")}.domain_name_configuration[0].target_domain_name}`,
        zone_id: `\${${target("primary")}.domain_name_configuration[0].hosted_zone_id}`,
        evaluate_target_health: true,
      },
    });
    expect(get("aws_route53_record.dr_api_domain_secondary_record")).toStrictEqual({
      zone_id: ZONE,
      name: DOMAIN,
      type: "A",
      set_identifier: REPLICA,
      failover_routing_policy: { type: "SECONDARY" },
      alias: {
        name: `\${${target("replica")}.domain_name_configuration[0].target_domain_name}`,
        zone_id: `\${${target("replica")}.domain_name_configuration[0].hosted_zone_id}`,
        evaluate_target_health: true,
      },
    });
    // The health check probes London's regional endpoint for the domain, never Frankfurt's.
    expect(get("aws_route53_health_check.dr_api_domain_primary_health_check")).toMatchObject({
      type: "TCP",
      port: 443,
      fqdn: `\${${target("primary")}.domain_name_configuration[0].target_domain_name}`,
    });
    expect(ofType(withApi, "aws_route53_health_check")).toHaveLength(1);
  });

  it("points the CCP page, and its content security policy, at the failover domain", () => {
    const page = (json: TerraformJson) => String(byAddress(json).get("aws_s3_object.index_html")?.content);
    const csp = (json: TerraformJson) =>
      JSON.stringify(
        ofType(json, "aws_cloudfront_response_headers_policy").map(([, p]) => p.security_headers_config),
      );
    expect(page(withApi)).toContain(`https://${DOMAIN}`);
    expect(page(withApi)).not.toContain("aws_apigatewayv2_api.auth_api.api_endpoint");
    expect(csp(withApi)).toContain(`https://${DOMAIN}`);
    expect(page(withoutApi)).toContain("${aws_apigatewayv2_api.auth_api.api_endpoint}");
    expect(page(withoutApi)).not.toContain(DOMAIN);
  });

  it("pairs every replica API alarm with the primary's runbook page, paging the replica's topic", () => {
    const alarms = ofType(withApi, "aws_cloudwatch_metric_alarm").filter(([name]) =>
      name.startsWith("dr_api_"),
    );
    expect(alarms.map(([name]) => name).sort()).toStrictEqual([
      "dr_api_auth_route_errors",
      "dr_api_crm_route_errors",
      "dr_api_customer_access_audit_unwritten",
      "dr_api_customer_access_lookups_per_agent_high",
      "dr_api_server_errors",
    ]);
    for (const [name, alarm] of alarms) {
      const primary = name.replace(/^dr_/, "");
      expect(alarm.alarm_description).toMatch(
        new RegExp(`^${REPLICA} \\(DR replica\\): .* Runbook: docs/runbooks/${primary}\\.md$`),
      );
      expect(alarm.alarm_actions).toStrictEqual(["${aws_sns_topic.dr_alerts_alarms_topic.arn}"]);
    }
  });

  it("puts the replica API in the replica Region; only the primary's domain side and Route 53 (global) are not", () => {
    const placement = [...resources]
      .filter(([address]) => address.split(".")[1]?.startsWith("dr_api"))
      .filter(([, body]) => body.region !== REPLICA)
      .map(([address]) => address)
      .sort();
    expect(placement).toStrictEqual([
      "aws_acm_certificate.dr_api_domain_primary_certificate",
      "aws_acm_certificate_validation.dr_api_domain_primary_certificate_validation",
      "aws_apigatewayv2_api_mapping.dr_api_domain_primary_api_mapping",
      "aws_apigatewayv2_domain_name.dr_api_domain_primary_domain_name",
      "aws_iam_role.dr_api_companion_lambda_role",
      "aws_iam_role.dr_api_crm_lambda_role",
      "aws_iam_role_policy.dr_api_companion_lambda_policy",
      "aws_iam_role_policy.dr_api_crm_lambda_policy",
      "aws_route53_health_check.dr_api_domain_primary_health_check",
      "aws_route53_record.dr_api_domain_primary_record",
      "aws_route53_record.dr_api_domain_secondary_record",
      "aws_route53_record.dr_api_domain_validation_record",
    ]);
  });

  it("changes the primary Region in place only: every new resource is a dr_ address, the CCP page and its CSP change", () => {
    const before = byAddress(off);
    const after = byAddress(withApi);
    const changed = [...before]
      .filter(([address, body]) => JSON.stringify(after.get(address)) !== JSON.stringify(body))
      .map(([address]) => address);
    const withoutApiChanged = [...before]
      .filter(
        ([address, body]) => JSON.stringify(byAddress(withoutApi).get(address)) !== JSON.stringify(body),
      )
      .map(([address]) => address);
    expect(changed.filter((a) => !withoutApiChanged.includes(a)).sort()).toStrictEqual([
      "aws_cloudfront_response_headers_policy.ccp_security_headers_policy",
      "aws_s3_object.index_html",
    ]);
    const added = [...after.keys()].filter((a) => !before.has(a));
    expect(added.filter((a) => !a.split(".")[1]!.startsWith("dr_"))).toStrictEqual([]);
  });
});
