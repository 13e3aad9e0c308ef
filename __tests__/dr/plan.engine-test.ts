import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { planOffline } from "../../scripts/terraform/offline-plan";
import type { TerraformConfig } from "../../scripts/terraform/offline-view";
import type { ResourceChange } from "../../scripts/terraform/plan-report";
import type { StateV4 } from "../../scripts/terraform/state-input";
import {
  CACHE_DIR,
  describeWithEngine,
  keptResult,
  realEngine,
  workDir,
} from "../terraform/support/real-engine";
import { GROUP_ARN, drJson } from "./stack";

/** Prod with DR, the group, and the companion/CRM API's failover domain (config `dr.api`). */
const WITH_API = {
  trafficDistributionGroupArn: GROUP_ARN,
  api: { domainName: "api.contact.bank.example", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
};

/** The original stack's state as Terraform made it (scripts/terraform/original-state.ts). */
const ORIGINAL_STATE = resolve(__dirname, "../migration/fixtures/original.tfstate");

/** What DR sets on primary resources; none of it may appear among the paths that force a replacement. */
const DR_ARGUMENTS = [
  "stream_enabled",
  "stream_view_type",
  "replica",
  "event_selector",
  "target_arn",
  "content",
  // dr.api: the CCP page's content security policy names the failover domain.
  "security_headers_config",
  // The CCP site's failover origin: a second origin, the origin group, the behaviour's target.
  "origin",
  "origin_group",
  "default_cache_behavior",
];

/** Terraform's plan of a prod stack with DR against the original's state (kept while both are unchanged). */
async function planAgainstOriginal(
  name: string,
  stack: TerraformConfig,
  state: StateV4,
): Promise<readonly ResourceChange[]> {
  return keptResult(name, { kept: "resource_changes", stack, state }, async () => {
    const result = await planOffline({
      engine: await realEngine(),
      stack,
      stackDir: workDir(`${name}-stack`),
      workDir: workDir(name),
      cacheDir: CACHE_DIR,
      state,
    });
    return result.plan.resource_changes ?? [];
  });
}

describeWithEngine("disaster recovery in Terraform's own plan (hashicorp/aws of the plugin mirror)", () => {
  // One whole-stack plan: minutes on a busy 2-core machine, then kept while stack and state are unchanged.
  jest.setTimeout(600_000);
  const state = JSON.parse(readFileSync(ORIGINAL_STATE, "utf8")) as StateV4;
  const stack = drJson({ trafficDistributionGroupArn: GROUP_ARN }) as TerraformConfig;
  let changes: readonly ResourceChange[];

  beforeAll(async () => {
    changes = await planAgainstOriginal("dr-prod-against-original", stack, state);
  });

  const managed = () => changes.filter((c) => c.mode === "managed");
  const name = (c: ResourceChange) => c.address.split(".")[1] ?? "";

  it("creates every resource of the replica Region, and nothing else happens to them", () => {
    const replica = managed().filter((c) => name(c).startsWith("dr_"));
    expect(replica.length).toBeGreaterThan(70);
    expect(
      replica.filter((c) => c.change.actions.join("+") !== "create").map((c) => c.address),
    ).toStrictEqual([]);
  });

  it("moves both claimed numbers into the traffic distribution group in place: an update, never a release", () => {
    const numbers = managed().filter((c) => c.type === "aws_connect_phone_number");
    expect(
      numbers.map((c) => [
        c.address,
        c.change.actions,
        (c.change.after as { target_arn?: string }).target_arn,
      ]),
    ).toStrictEqual([
      ["aws_connect_phone_number.outbound", ["update"], GROUP_ARN],
      ["aws_connect_phone_number.toll_free", ["update"], GROUP_ARN],
    ]);
  });

  it("updates the CCP site's distribution in place for its failover origin: an update, never a replacement", () => {
    const site = managed().find((c) => c.address === "aws_cloudfront_distribution.ccp_site");
    const after = site?.change.after as { origin?: unknown[]; origin_group?: unknown[] } | undefined;
    expect([site?.change.actions, site?.change.replace_paths ?? []]).toStrictEqual([["update"], []]);
    expect([after?.origin?.length, after?.origin_group?.length]).toStrictEqual([2, 1]);
  });

  it("never replaces anything for what DR changes on the primary (streams, secret replicas, trail selectors, flow content, target_arn)", () => {
    const forcedByDr = managed().flatMap((c) =>
      (c.change.replace_paths ?? [])
        .filter((path) => DR_ARGUMENTS.includes(String(path[0])))
        .map((path) => `${c.address}: ${path.join(".")}`),
    );
    expect(forcedByDr).toStrictEqual([]);
    const carriedTables = managed().filter((c) => c.type === "aws_dynamodb_table" && c.change.before);
    expect(carriedTables.length).toBeGreaterThan(0);
    expect(
      carriedTables.filter((c) => c.change.actions.join("+") !== "update").map((c) => c.address),
    ).toStrictEqual([]);
  });
});

describeWithEngine("the companion/CRM API's failover domain in Terraform's own plan (config dr.api)", () => {
  jest.setTimeout(600_000);
  const state = JSON.parse(readFileSync(ORIGINAL_STATE, "utf8")) as StateV4;
  let without: readonly ResourceChange[];
  let withApi: readonly ResourceChange[];

  beforeAll(async () => {
    // The plan without dr.api is the suite above's, kept: only the one with it costs a plan.
    without = await planAgainstOriginal(
      "dr-prod-against-original",
      drJson({ trafficDistributionGroupArn: GROUP_ARN }) as TerraformConfig,
      state,
    );
    withApi = await planAgainstOriginal(
      "dr-api-prod-against-original",
      drJson(WITH_API) as TerraformConfig,
      state,
    );
  });

  const managed = (changes: readonly ResourceChange[]) => changes.filter((c) => c.mode === "managed");
  const isReplica = (c: ResourceChange) => (c.address.split(".")[1] ?? "").startsWith("dr_");

  it("only adds: every new address is a dr_ create, the replica API's and both Regions' domain pieces among them", () => {
    const before = new Set(managed(without).map((c) => c.address));
    const added = managed(withApi).filter((c) => !before.has(c.address));
    expect(added.filter((c) => !isReplica(c) || c.change.actions.join("+") !== "create")).toStrictEqual([]);
    const addedTypes = [...new Set(added.map((c) => c.type))].sort();
    expect(addedTypes).toEqual(
      expect.arrayContaining([
        "aws_acm_certificate",
        "aws_acm_certificate_validation",
        "aws_apigatewayv2_api",
        "aws_apigatewayv2_api_mapping",
        "aws_apigatewayv2_domain_name",
        "aws_route53_health_check",
        "aws_route53_record",
      ]),
    );
  });

  it("plans every primary address exactly as without dr.api: same action, same replace paths", () => {
    const byAddress = new Map(managed(without).map((c) => [c.address, c]));
    const differing = managed(withApi)
      .filter((c) => !isReplica(c))
      .filter((c) => {
        const base = byAddress.get(c.address);
        return (
          base === undefined ||
          c.change.actions.join("+") !== base.change.actions.join("+") ||
          JSON.stringify(c.change.replace_paths ?? []) !== JSON.stringify(base.change.replace_paths ?? [])
        );
      })
      .map((c) => `${c.address} ${c.change.actions.join("+")}`);
    expect(differing).toStrictEqual([]);
  });

  it("changes the planned values of two primary resources only: the CCP page and its headers policy name the domain", () => {
    const byAddress = new Map(managed(without).map((c) => [c.address, c]));
    const changed = managed(withApi)
      .filter((c) => !isReplica(c))
      .filter(
        (c) => JSON.stringify(c.change.after) !== JSON.stringify(byAddress.get(c.address)?.change.after),
      )
      .map((c) => c.address);
    expect(changed).toStrictEqual([
      "aws_cloudfront_response_headers_policy.ccp_security_headers_policy",
      "aws_s3_object.index_html",
    ]);
  });
});
