import { errorsOf, runRules } from "../../constructs/rules";
import { synthStack, type TerraformJson } from "../support/synth";
import { GROUP_ARN, byAddress, drJson, prodJson, prodWithDr } from "./stack";

const REPLICA = "eu-central-1";
const DISTRIBUTION = "aws_cloudfront_distribution.ccp_site";
const PRIMARY_BUCKET = "aws_s3_bucket.ccp_site";
const REPLICA_BUCKET = "aws_s3_bucket.dr_ccp_site_bucket_bucket";

type Body = Record<string, unknown>;
const ref = (address: string, attribute: string) => `\${${address}.${attribute}}`;

/** Every resource that configures a bucket (`bucket = <it>.id`), by type, without what names the bucket or Region (policies are compared on their own). */
function bucketParts(json: TerraformJson, bucket: string): Record<string, Body> {
  const parts: Record<string, Body> = {};
  for (const [address, body] of byAddress(json)) {
    if (body.bucket !== ref(bucket, "id") || address.startsWith("aws_s3_object.")) continue;
    const rest = Object.fromEntries(
      Object.entries(body).filter(([key]) => !["bucket", "region", "depends_on", "policy"].includes(key)),
    );
    parts[address.split(".")[0]!] = rest;
  }
  return parts;
}

/** A bucket policy's statements, inline JSON or through its data.aws_iam_policy_document. */
function statementsOf(json: TerraformJson, policyBody: Body): Array<{ effect: string; body: unknown }> {
  const policy = String(policyBody.policy);
  const document = policy.match(/^\$\{data\.aws_iam_policy_document\.([a-z_]+)\.json\}$/)?.[1];
  if (document) {
    const statements = json.data?.aws_iam_policy_document?.[document]?.statement as Body[];
    return statements.map((s) => ({ effect: String(s.effect), body: s }));
  }
  return (JSON.parse(policy) as { Statement: Body[] }).Statement.map((s) => ({
    effect: String(s.Effect),
    body: s,
  }));
}

/**
 * The agents' CCP page during a loss of London (docs/disaster-recovery.md): the distribution is
 * global, but its only origin was a London bucket, so agents in Frankfurt could not load the page.
 */
describe("disaster recovery: the CCP site's failover origin in the replica Region", () => {
  const stage1 = drJson();
  const stage2 = drJson({ trafficDistributionGroupArn: GROUP_ARN });
  const resources = byAddress(stage1);
  const get = (address: string): Body => {
    const body = resources.get(address);
    if (body === undefined) throw new Error(`no ${address} in the DR stack`);
    return body;
  };
  const distribution = get(DISTRIBUTION);

  it.each([
    ["before the group is known", stage1, {}],
    ["with the group", stage2, { trafficDistributionGroupArn: GROUP_ARN }],
  ])("passes the stack rules on prod with DR %s: 0 errors, no stale exception", (_when, json, dr) => {
    const report = runRules(json, { production: true, suppressions: prodWithDr(dr).rules.suppressions });
    expect(errorsOf(report).map((f) => `${f.rule} ${f.address}: ${f.message}`)).toStrictEqual([]);
    expect(report.unusedSuppressions).toStrictEqual([]);
  });

  it("serves the page through an origin group: London first, Frankfurt on a server error (never on 403/404)", () => {
    expect(distribution.origin_group).toStrictEqual([
      {
        origin_id: "ccp-site-failover",
        failover_criteria: { status_codes: [500, 502, 503, 504] },
        member: [{ origin_id: "ccp-site-bucket" }, { origin_id: `ccp-site-bucket-${REPLICA}` }],
      },
    ]);
    const behaviour = distribution.default_cache_behavior as Body;
    expect(behaviour.target_origin_id).toBe("ccp-site-failover");
    // Origin groups fail over GET, HEAD and OPTIONS only.
    expect(behaviour.allowed_methods).toStrictEqual(["GET", "HEAD"]);
    expect(distribution.ordered_cache_behavior).toBeUndefined();
  });

  it("reads both buckets through the one Origin Access Control, and gives up on London within 10 s", () => {
    const oac = ref("aws_cloudfront_origin_access_control.ccp_site", "id");
    expect(distribution.origin).toStrictEqual([
      {
        origin_id: "ccp-site-bucket",
        domain_name: ref(PRIMARY_BUCKET, "bucket_regional_domain_name"),
        origin_access_control_id: oac,
        connection_attempts: 2,
        connection_timeout: 5,
      },
      {
        origin_id: `ccp-site-bucket-${REPLICA}`,
        domain_name: ref(REPLICA_BUCKET, "bucket_regional_domain_name"),
        origin_access_control_id: oac,
        connection_attempts: 2,
        connection_timeout: 5,
      },
    ]);
    expect(get(REPLICA_BUCKET).region).toBe(REPLICA);
  });

  it("keeps the replica bucket exactly as the primary site bucket: SSE-S3, versioned, private, ACLs off, no lifecycle, access logged", () => {
    const primary = bucketParts(stage1, PRIMARY_BUCKET);
    const replica = bucketParts(stage1, REPLICA_BUCKET);
    const withoutLogTarget = (parts: Record<string, Body>) => {
      const { aws_s3_bucket_logging: logging, ...rest } = parts;
      return { rest, prefix: logging?.target_prefix };
    };
    expect(withoutLogTarget(replica)).toStrictEqual(withoutLogTarget(primary));
    expect(Object.keys(replica).sort()).toStrictEqual([
      "aws_s3_bucket_logging",
      "aws_s3_bucket_ownership_controls",
      "aws_s3_bucket_policy",
      "aws_s3_bucket_public_access_block",
      "aws_s3_bucket_server_side_encryption_configuration",
      "aws_s3_bucket_versioning",
    ]);
    expect(replica.aws_s3_bucket_server_side_encryption_configuration).toStrictEqual({
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }],
    });
    // S3 logs only to a bucket of its own Region: the replica Region's access-log bucket.
    expect(replica.aws_s3_bucket_logging?.target_bucket).toBe(
      ref("aws_s3_bucket.dr_storage_access_logs_bucket_bucket", "id"),
    );
    for (const [address, body] of resources) {
      if (body.bucket === ref(REPLICA_BUCKET, "id"))
        expect([address, body.region]).toStrictEqual([address, REPLICA]);
    }
  });

  it("lets only the distribution read either bucket, objects only, over TLS", () => {
    const policyOf = (bucket: string) =>
      [...resources.values()].find((b) => b.bucket === ref(bucket, "id") && "policy" in b)!;
    for (const bucket of [PRIMARY_BUCKET, REPLICA_BUCKET]) {
      const statements = statementsOf(stage1, policyOf(bucket));
      expect(statements.map((s) => s.effect)).toStrictEqual(["Deny", "Allow"]);
      const allow = JSON.stringify(statements[1]!.body);
      expect(allow).toContain("cloudfront.amazonaws.com");
      expect(allow).toContain(ref(DISTRIBUTION, "arn"));
      expect(allow).toContain("AWS:SourceArn");
      expect(allow).toContain(`${ref(bucket, "arn")}/*`);
      expect(allow).not.toContain("s3:ListBucket");
      expect(JSON.stringify(statements[0]!.body)).toContain("aws:SecureTransport");
    }
  });

  it("holds the same objects as London, written by Terraform in the same order: files first, then the page", () => {
    const objects = (bucket: string) =>
      [...resources]
        .filter(([a, b]) => a.startsWith("aws_s3_object.") && b.bucket === ref(bucket, "id"))
        .map(([address, { bucket: _b, region: _r, depends_on: dependsOn, ...rest }]) => ({
          address,
          rest,
          dependsOn: (dependsOn as string[] | undefined)?.length ?? 0,
        }));
    const primary = objects(PRIMARY_BUCKET);
    const replica = objects(REPLICA_BUCKET);
    const content = (list: typeof primary) =>
      list
        .map(({ rest, dependsOn }) => ({ rest, dependsOn }))
        .sort((a, b) => String(a.rest.key).localeCompare(String(b.rest.key)));
    expect(replica.length).toBe(4);
    expect(content(replica)).toStrictEqual(content(primary));
    expect(get("aws_s3_object.dr_ccp_site_index_html").depends_on).toStrictEqual([
      "aws_s3_object.dr_ccp_site_connect_streams",
      "aws_s3_object.dr_ccp_site_app",
      "aws_s3_object.dr_ccp_site_styles",
    ]);
    for (const { address } of replica) expect(get(address).region).toBe(REPLICA);
  });

  it("copies no site object by S3 replication: Terraform's version deletes would never reach the replica", () => {
    const rules = Object.values(stage1.resource?.aws_s3_bucket_replication_configuration ?? {});
    expect(rules.filter((r) => r.bucket === ref(PRIMARY_BUCKET, "id"))).toStrictEqual([]);
  });

  it.each([
    ["dev", () => synthStack("dev").json],
    ["prod without DR", prodJson],
  ])("leaves the CCP site of %s as it was: one London origin, no group", (_env, json) => {
    const site = byAddress(json()).get(DISTRIBUTION)!;
    expect(site.origin_group).toBeUndefined();
    expect(site.origin).toStrictEqual([
      {
        origin_id: "ccp-site-bucket",
        domain_name: ref(PRIMARY_BUCKET, "bucket_regional_domain_name"),
        origin_access_control_id: ref("aws_cloudfront_origin_access_control.ccp_site", "id"),
      },
    ]);
    expect((site.default_cache_behavior as Body).target_origin_id).toBe("ccp-site-bucket");
    expect([...byAddress(json()).keys()].filter((a) => a.includes("dr_ccp_site"))).toStrictEqual([]);
  });
});
