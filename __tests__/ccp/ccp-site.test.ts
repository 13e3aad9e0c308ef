import { TerraformVariable, Testing } from "cdktf";
import { CcpSite, ccpContentSecurityPolicy, HSTS_MAX_AGE_SECONDS, renderCcpPage } from "../../constructs/ccp";
import { AddressedStack } from "../../constructs/core/addresses";
import { Platform } from "../../constructs/platform/platform";
import { unaccountedAddresses, devConfig, names, resource, type TfJson } from "../datalake/synth";
import { PREBUILT_CCP_ASSETS } from "../support/synth";
import { forSnapshot } from "../support/snapshot";

const INSTANCE_ARN = "arn:aws:connect:eu-west-2:111122223333:instance/abc";

function site(configOverrides?: unknown, crmApiUrl?: (stack: AddressedStack) => string): TfJson {
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
    assets: PREBUILT_CCP_ASSETS,
    crmApiUrl: crmApiUrl?.(stack),
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
    expect(forSnapshot(json)).toMatchSnapshot();
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
      '{"ccpUrl":"https://connect-comprehensive.my.connect.aws/ccp-v2/","region":"eu-west-2","customerIdAttribute":"customerId"}',
    );
    expect(page.cache_control).toBe("no-cache");
    expect(resource(json, "awscc_connect_approved_origin", "ccp_approved_origin")).toMatchObject({
      instance_id: INSTANCE_ARN,
      origin: "https://${aws_cloudfront_distribution.ccp_site.domain_name}",
      provider: "awscc",
    });
  });

  it("uploads the library, the page module and its styles under hashed keys the page names", () => {
    expect(names(json, "aws_s3_object")).toEqual(["ccp_app", "ccp_styles", "connect_streams", "index_html"]);
    const page = resource(json, "aws_s3_object", "index_html").content as string;
    for (const [name, asset] of [
      ["connect_streams", PREBUILT_CCP_ASSETS.streams],
      ["ccp_app", PREBUILT_CCP_ASSETS.app],
      ["ccp_styles", PREBUILT_CCP_ASSETS.styles],
    ] as const) {
      const object = resource(json, "aws_s3_object", name);
      expect(object).toMatchObject({
        key: asset.key,
        etag: asset.md5,
        content_type: asset.contentType,
        cache_control: "public, max-age=31536000, immutable",
        lifecycle: { create_before_destroy: true },
      });
      expect(object.source).toMatch(new RegExp(`assets/.*${asset.key.replace(".", "\\.")}$`));
      expect(page).toContain(asset.key.endsWith(".css") ? `href="${asset.key}"` : `src="${asset.key}"`);
    }
    // The page switches to new file names only once those files are uploaded.
    expect(resource(json, "aws_s3_object", "index_html").depends_on).toEqual([
      "aws_s3_object.connect_streams",
      "aws_s3_object.ccp_app",
      "aws_s3_object.ccp_styles",
    ]);
    // The original's streams object is kept at its address, now managed by default.
    expect((json.removed ?? []).map((r) => r.from)).not.toContain("aws_s3_object.connect_streams");
  });

  it("serves the site with its own security headers policy", () => {
    const policy = resource(json, "aws_cloudfront_response_headers_policy", "ccp_security_headers_policy");
    expect(
      resource(json, "aws_cloudfront_distribution", "ccp_site").default_cache_behavior
        .response_headers_policy_id,
    ).toBe("${aws_cloudfront_response_headers_policy.ccp_security_headers_policy.id}");
    const headers = policy.security_headers_config;
    expect(headers.content_security_policy.content_security_policy).toBe(
      ccpContentSecurityPolicy({ connect: "https://connect-comprehensive.my.connect.aws" }),
    );
    expect(headers.strict_transport_security).toEqual({
      access_control_max_age_sec: HSTS_MAX_AGE_SECONDS,
      include_subdomains: true,
      override: true,
    });
    expect(headers.content_type_options).toEqual({ override: true });
    expect(headers.frame_options).toEqual({ frame_option: "DENY", override: true });
  });

  it("lets the page call the configured CRM API and tells it where to find the agent's token", () => {
    const withCrm = site({
      ccp: { crmApiUrl: "https://crm.example.com/v1/", crmTokenStorageKey: "idp_token" },
    });
    const page = resource(withCrm, "aws_s3_object", "index_html").content as string;
    expect(page).toContain('"crm":{"apiUrl":"https://crm.example.com/v1","tokenStorageKey":"idp_token"}');
    const csp = Object.values(withCrm.resource.aws_cloudfront_response_headers_policy)[0]
      .security_headers_config.content_security_policy.content_security_policy as string;
    expect(csp).toContain(
      "connect-src 'self' https://connect-comprehensive.my.connect.aws https://crm.example.com;",
    );
  });

  it("takes the CRM API endpoint from another resource of the stack", () => {
    const withApi = site(
      undefined,
      (stack) => new TerraformVariable(stack, "crm_endpoint", { type: "string" }).stringValue,
    );
    const page = resource(withApi, "aws_s3_object", "index_html").content as string;
    expect(page).toContain('"crm":{"apiUrl":"${var.crm_endpoint}","tokenStorageKey":"crm_access_token"}');
    const csp = Object.values(withApi.resource.aws_cloudfront_response_headers_policy)[0]
      .security_headers_config.content_security_policy.content_security_policy as string;
    expect(csp).toContain(
      "connect-src 'self' https://connect-comprehensive.my.connect.aws ${var.crm_endpoint};",
    );
  });

  it("refuses a CRM API that is not https", () => {
    expect(() => site({ ccp: { crmApiUrl: "http://crm.example.com" } })).toThrow(/crmApiUrl.*https/s);
  });
});

describe("ccpContentSecurityPolicy", () => {
  const csp = ccpContentSecurityPolicy({
    connect: "https://bank.my.connect.aws",
    crmApi: "https://crm.bank.com",
  });
  const directive = (name: string) =>
    csp
      .split("; ")
      .find((d) => d.startsWith(`${name} `))
      ?.slice(name.length + 1);

  it("allows only the site's own scripts and styles, no inline code", () => {
    expect(directive("script-src")).toBe("'self'");
    expect(directive("style-src")).toBe("'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("frames only Connect and lets nobody frame the page", () => {
    expect(directive("frame-src")).toBe("https://bank.my.connect.aws");
    expect(directive("frame-ancestors")).toBe("'none'");
    expect(directive("object-src")).toBe("'none'");
  });

  it("lets the page call only itself, Connect and the CRM API", () => {
    expect(directive("connect-src")).toBe("'self' https://bank.my.connect.aws https://crm.bank.com");
  });
});

describe("renderCcpPage", () => {
  const template =
    '<script type="application/json">{{SETTINGS_JSON}}</script><script src="{{STREAMS_PATH}}"></script>' +
    '<script src="{{APP_PATH}}"></script><link href="{{STYLES_PATH}}">';
  const settings = {
    accessUrl: "https://x.my.connect.aws",
    region: "eu-west-2",
    customerIdAttribute: "customerId",
  };

  it("escapes settings so a value cannot close the script element", () => {
    const html = renderCcpPage(
      { ...settings, accessUrl: "https://x.my.connect.aws/</script><script>alert(1)" },
      PREBUILT_CCP_ASSETS,
      template,
    );
    expect(html).not.toContain("</script><script>alert");
    expect(html).toContain("\\u003c/script\\u003e");
  });

  it("rejects a template Terraform would interpolate or that lacks a placeholder", () => {
    expect(() => renderCcpPage(settings, PREBUILT_CCP_ASSETS, template + "${var.x}")).toThrow(
      /contains "\$\{"/,
    );
    expect(() => renderCcpPage(settings, PREBUILT_CCP_ASSETS, "{{SETTINGS_JSON}}")).toThrow(
      /lacks the placeholder \{\{STREAMS_PATH\}\}/,
    );
  });

  it("refuses an asset key that would need escaping in the page", () => {
    const bad = {
      ...PREBUILT_CCP_ASSETS,
      app: { ...PREBUILT_CCP_ASSETS.app, key: 'x.js" onload="alert(1)' },
    };
    expect(() => renderCcpPage(settings, bad, template)).toThrow(/asset key/);
  });

  it("renders the shipped template with no inline script", () => {
    const html = renderCcpPage(
      { ...settings, accessUrl: "https://bank.my.connect.aws/" },
      PREBUILT_CCP_ASSETS,
    );
    expect(html).toContain('"ccpUrl":"https://bank.my.connect.aws/ccp-v2/"');
    expect(html).toContain('<script src="connect-streams-PREBUILT.js"></script>');
    expect(html).toContain('<script src="ccp-PREBUILT.js"></script>');
    // Every script element either loads a file or is the JSON data block: the CSP allows nothing else.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline).toEqual([' id="ccp-settings" type="application/json"']);
  });
});
