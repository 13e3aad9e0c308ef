import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { CcpSite, renderCcpPage } from "../../constructs/ccp";
import { AddressedStack } from "../../constructs/core/addresses";
import { Platform } from "../../constructs/platform/platform";
import { unaccountedAddresses, devConfig, names, resource, type TfJson } from "../datalake/synth";

const INSTANCE_ARN = "arn:aws:connect:eu-west-2:111122223333:instance/abc";

function site(configOverrides?: unknown): TfJson {
  const stack = new AddressedStack(Testing.app(), "test");
  const platform = new Platform(stack, "platform", {
    region: "eu-west-2",
    tags: {},
    backend: { type: "local" },
    stackName: "test",
  });
  new CcpSite(stack, "ccp", {
    namePrefix: "connect-comprehensive",
    config: devConfig(configOverrides).ccp,
    accessUrl: "https://connect-comprehensive.my.connect.aws",
    region: "eu-west-2",
    connectInstanceArn: INSTANCE_ARN,
    usEast1Provider: platform.awsUsEast1,
    awsccProvider: platform.awscc,
  });
  return JSON.parse(Testing.synth(stack, true)) as TfJson;
}

describe("CcpSite", () => {
  const json = site();

  it("synthesizes a stable document", () => {
    expect(json).toMatchSnapshot();
  });

  it("keeps every original ccp.tf address and removes the null_resource", () => {
    const expected = [
      "aws_s3_bucket.ccp_site",
      "aws_s3_bucket_public_access_block.ccp_site",
      "aws_cloudfront_origin_access_control.ccp_site",
      "aws_cloudfront_distribution.ccp_site",
      "aws_s3_bucket_policy.ccp_site",
      "aws_s3_object.index_html",
      "aws_s3_object.connect_streams",
      "null_resource.associate_origin",
      "aws_wafv2_web_acl.ccp_waf",
    ];
    expect(unaccountedAddresses(expected, json)).toEqual([]);
    expect(json.removed?.find((r) => r.from === "null_resource.associate_origin")?.lifecycle.destroy).toBe(
      false,
    );
  });

  it("puts the web ACL on the us_east_1 provider with AWS managed rule groups and a rate limit", () => {
    const acl = resource(json, "aws_wafv2_web_acl", "ccp_waf");
    expect(acl.provider).toBe("aws.us_east_1");
    expect(acl.scope).toBe("CLOUDFRONT");
    expect(acl.rule.map((r: any) => r.statement.managed_rule_group_statement?.name ?? "rate")).toEqual([
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesAmazonIpReputationList",
      "rate",
    ]);
    expect(acl.rule[3].statement.rate_based_statement).toEqual({ limit: 2000, aggregate_key_type: "IP" });
    expect(resource(json, "aws_cloudfront_distribution", "ccp_site").web_acl_id).toBe(
      "${aws_wafv2_web_acl.ccp_waf.arn}",
    );
  });

  it("reads the bucket through Origin Access Control, never an OAI, over HTTPS", () => {
    const distribution = resource(json, "aws_cloudfront_distribution", "ccp_site");
    expect(distribution.origin[0].origin_access_control_id).toBe(
      "${aws_cloudfront_origin_access_control.ccp_site.id}",
    );
    expect(distribution.origin[0].s3_origin_config).toBeUndefined();
    expect(names(json, "aws_cloudfront_origin_access_identity")).toEqual([]);
    expect(resource(json, "aws_cloudfront_origin_access_control", "ccp_site")).toMatchObject({
      signing_behavior: "always",
      signing_protocol: "sigv4",
    });
    expect(distribution.default_cache_behavior.viewer_protocol_policy).toBe("redirect-to-https");
  });

  it("lets only this distribution read objects, keeps the bucket private and encrypted", () => {
    const doc = json.data?.aws_iam_policy_document.ccp_bucket_policy_document.statement;
    expect(doc[1]).toEqual({
      sid: "AllowCloudFrontServicePrincipal",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
      actions: ["s3:GetObject"],
      resources: ["${aws_s3_bucket.ccp_site.arn}/*"],
      condition: [
        {
          test: "StringEquals",
          variable: "AWS:SourceArn",
          values: ["${aws_cloudfront_distribution.ccp_site.arn}"],
        },
      ],
    });
    expect(resource(json, "aws_s3_bucket_public_access_block", "ccp_site").restrict_public_buckets).toBe(
      true,
    );
    expect(resource(json, "aws_s3_bucket", "ccp_site").bucket_prefix).toBe("connect-comprehensive-ccp-site-");
    const sse = resource(json, "aws_s3_bucket_server_side_encryption_configuration", "ccp_bucket_encryption")
      .rule[0];
    expect(sse.apply_server_side_encryption_by_default.sse_algorithm).toBe("AES256");
    // CloudFront cannot read objects a lifecycle moved to GLACIER.
    expect(names(json, "aws_s3_bucket_lifecycle_configuration")).toEqual([]);
  });

  it("publishes the page with the instance's CCP URL and approves the distribution on the instance", () => {
    const page = resource(json, "aws_s3_object", "index_html");
    expect(page.content).toContain(
      '{"ccpUrl":"https://connect-comprehensive.my.connect.aws/ccp-v2/","region":"eu-west-2"}',
    );
    expect(page.cache_control).toBe("no-cache");
    expect(resource(json, "awscc_connect_approved_origin", "ccp_approved_origin")).toMatchObject({
      instance_id: INSTANCE_ARN,
      origin: "https://${aws_cloudfront_distribution.ccp_site.domain_name}",
      provider: "awscc",
    });
  });

  it("leaves the deployed streams library alone until a release file is configured", () => {
    expect(names(json, "aws_s3_object")).toEqual(["index_html"]);
    expect(json.removed?.find((r) => r.from === "aws_s3_object.connect_streams")?.lifecycle.destroy).toBe(
      false,
    );
  });

  it("uploads a configured streams file with its MD5 as etag", () => {
    const file = join(mkdtempSync(join(tmpdir(), "ccp-")), "connect-streams-min.js");
    writeFileSync(file, "window.connect = {};\n");
    const withStreams = site({ ccp: { connectStreamsFile: file } });
    const object = resource(withStreams, "aws_s3_object", "connect_streams");
    expect(object.key).toBe("connect-streams-min.js");
    expect(object.etag).toBe(createHash("md5").update("window.connect = {};\n").digest("hex"));
    expect(object.source).toMatch(/assets\/.*connect-streams-min\.js$/);
    expect((withStreams.removed ?? []).map((r) => r.from)).not.toContain("aws_s3_object.connect_streams");
  });

  it("names a missing streams file and the fix", () => {
    expect(() => site({ ccp: { connectStreamsFile: "no/such/file.js" } })).toThrow(
      /ccp: ccp.connectStreamsFile "no\/such\/file.js" does not exist/,
    );
  });
});

describe("renderCcpPage", () => {
  const template =
    '<script type="application/json">{{SETTINGS_JSON}}</script><script src="{{STREAMS_PATH}}"></script>';

  it("escapes settings so a value cannot close the script element", () => {
    const html = renderCcpPage(
      { accessUrl: "https://x.my.connect.aws/</script><script>alert(1)", region: "eu-west-2" },
      template,
    );
    expect(html).not.toContain("</script><script>alert");
    expect(html).toContain("\\u003c/script\\u003e");
  });

  it("rejects a template Terraform would interpolate", () => {
    expect(() =>
      renderCcpPage({ accessUrl: "https://x", region: "eu-west-2" }, template + "${var.x}"),
    ).toThrow(/contains "\$\{"/);
    expect(() => renderCcpPage({ accessUrl: "https://x", region: "eu-west-2" }, "{{SETTINGS_JSON}}")).toThrow(
      /lacks the placeholder \{\{STREAMS_PATH\}\}/,
    );
  });

  it("renders the shipped template", () => {
    const html = renderCcpPage({ accessUrl: "https://bank.my.connect.aws/", region: "eu-west-2" });
    expect(html).toContain('"ccpUrl":"https://bank.my.connect.aws/ccp-v2/"');
    expect(html).toContain('<script src="connect-streams-min.js"></script>');
  });
});
