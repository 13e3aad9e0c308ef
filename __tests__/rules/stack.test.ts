import { errorsOf, formatReport, runRules } from "../../constructs/rules";
import { configFor, synthStack } from "../support/synth";

describe.each(["dev", "prod"])("the whole stack (%s) against the rule pack", (env) => {
  const { json } = synthStack(env);
  const config = configFor(env);
  const report = runRules(json, {
    production: config.environment === "prod",
    suppressions: config.rules.suppressions,
  });

  it("has no errors", () => {
    expect(errorsOf(report).map((f) => `${f.rule} ${f.address}: ${f.message}`)).toStrictEqual([]);
  });

  it("uses every suppression it declares (no stale exceptions)", () => {
    expect(report.unusedSuppressions).toStrictEqual([]);
  });

  it("ends its report with the summary line synth prints", () => {
    expect(formatReport(report).at(-1)).toMatch(
      new RegExp(
        `^stack rules: \\d+ rules over ${report.resourceCount} resources in \\d+ ms: 0 errors, \\d+ warnings, ${report.suppressed.length} suppressed$`,
      ),
    );
  });
});

describe("audit findings fixed without replacing stateful resources", () => {
  const { json } = synthStack("prod");
  const resource = (type: string, name: string) => json.resource?.[type]?.[name] as Record<string, any>;

  it("locks the prod audit trail write-once in place: the bucket itself keeps object_lock_enabled unset", () => {
    expect(resource("aws_s3_bucket_object_lock_configuration", "audit_bucket_object_lock")).toMatchObject({
      bucket: "${aws_s3_bucket.audit_bucket_bucket.id}",
      object_lock_enabled: "Enabled",
      rule: { default_retention: { mode: "COMPLIANCE", days: 2557 } },
    });
    // object_lock_enabled on aws_s3_bucket forces a new bucket; the separate resource does not.
    expect(resource("aws_s3_bucket", "audit_bucket_bucket").object_lock_enabled).toBeUndefined();
  });

  it("serves the prod CCP on the configured name and certificate, TLS 1.2 and later only", () => {
    const distribution = resource("aws_cloudfront_distribution", "ccp_site");
    expect(distribution.aliases).toStrictEqual(["ccp.contact-centre.bank.example"]);
    expect(distribution.viewer_certificate).toStrictEqual({
      acm_certificate_arn: expect.stringMatching(/^arn:aws:acm:us-east-1:/),
      ssl_support_method: "sni-only",
      minimum_protocol_version: "TLSv1.2_2021",
    });
  });

  it("re-introduces the original buckets' logging at their original addresses (moved, not new)", () => {
    const moved = (json.moved ?? []).filter((m) => m.to.startsWith("aws_s3_bucket_logging."));
    expect(moved.map((m) => m.from).sort()).toStrictEqual([
      "module.cloudtrail_bucket.aws_s3_bucket_logging.this[0]",
      "module.connect_storage_bucket.aws_s3_bucket_logging.this[0]",
      "module.datalake_bucket.aws_s3_bucket_logging.this[0]",
    ]);
    expect((json.removed ?? []).filter((r) => r.from.includes("aws_s3_bucket_logging"))).toStrictEqual([]);
  });
});
