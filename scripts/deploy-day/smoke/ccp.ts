/** The CCP site answers with the security headers of its response-headers policy. */
import {
  CloudFrontClient,
  ListDistributionsCommand,
  ListResponseHeadersPoliciesCommand,
} from "@aws-sdk/client-cloudfront";
import { describeError, fail, pass, skip, type Check, type CheckResult } from "../check";
import type { SmokeContext } from "./context";

type Headers = Record<string, { [key: string]: unknown } | undefined>;

/** Header → a test of its value, from the policy's security_headers_config. */
export function expectedHeaders(config: Headers): Array<{ header: string; expect: RegExp }> {
  const out: Array<{ header: string; expect: RegExp }> = [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const csp = config.content_security_policy?.content_security_policy;
  if (typeof csp === "string")
    out.push({
      header: "content-security-policy",
      expect: new RegExp(
        `^${csp
          .split(/\$\{[^}]+\}/)
          .map(escape)
          .join("\\S+")}$`,
      ),
    });
  const hsts = config.strict_transport_security;
  if (hsts)
    out.push({
      header: "strict-transport-security",
      expect: new RegExp(`max-age=${String(hsts.access_control_max_age_sec)}`),
    });
  if (config.content_type_options) out.push({ header: "x-content-type-options", expect: /^nosniff$/i });
  const frame = config.frame_options?.frame_option;
  if (typeof frame === "string")
    out.push({ header: "x-frame-options", expect: new RegExp(`^${frame}$`, "i") });
  const referrer = config.referrer_policy?.referrer_policy;
  if (typeof referrer === "string")
    out.push({ header: "referrer-policy", expect: new RegExp(`^${escape(referrer)}$`) });
  return out;
}

/** The site's host: the custom name, else the CloudFront name of the distribution using the stack's headers policy. */
async function siteHost(
  ctx: SmokeContext,
  aliases: string[],
  policyName: string | undefined,
): Promise<string | undefined> {
  if (aliases[0]) return aliases[0];
  const cloudfront = ctx.aws.client(CloudFrontClient, "us-east-1");
  // ListResponseHeadersPolicies: ResponseHeadersPolicyList.Items[].ResponseHeadersPolicy.{Id, ResponseHeadersPolicyConfig.Name};
  // ListDistributions: DistributionList.Items[].{DomainName, DefaultCacheBehavior.ResponseHeadersPolicyId}, NextMarker (CloudFront API reference).
  const policies = await cloudfront.send(new ListResponseHeadersPoliciesCommand({ Type: "custom" }));
  const policyId = policies.ResponseHeadersPolicyList?.Items?.find(
    (p) => p.ResponseHeadersPolicy?.ResponseHeadersPolicyConfig?.Name === policyName,
  )?.ResponseHeadersPolicy?.Id;
  if (!policyId) return undefined;
  let Marker: string | undefined;
  do {
    const { DistributionList: list } = await cloudfront.send(new ListDistributionsCommand({ Marker }));
    const site = list?.Items?.find((d) => d.DefaultCacheBehavior?.ResponseHeadersPolicyId === policyId);
    if (site) return site.DomainName;
    Marker = list?.IsTruncated ? list.NextMarker : undefined;
  } while (Marker);
  return undefined;
}

export const ccpHeadersCheck: Check<SmokeContext> = {
  id: "ccp-headers",
  title: "the CCP site answers with its security headers",
  async run(ctx): Promise<CheckResult> {
    const site = ctx.facts.ccpSite();
    if (!site) return skip("ccp-headers", "the stack has no CCP site");
    const host = await siteHost(ctx, site.aliases, site.headersPolicyName);
    if (!host)
      return fail(
        "ccp-headers",
        `no distribution uses the response-headers policy ${site.headersPolicyName ?? "?"}`,
        "deploy again",
      );
    const url = `https://${host}/`;
    let response: Response;
    try {
      response = await ctx.fetch(url, { method: "GET", redirect: "manual" });
    } catch (error) {
      return fail(
        "ccp-headers",
        `${url}: ${describeError(error)}`,
        "check the DNS record of the CCP host name (a CNAME to the distribution)",
      );
    }
    const wrong = expectedHeaders(site.headers as Headers)
      .filter((h) => !h.expect.test(response.headers.get(h.header) ?? ""))
      .map((h) => `${h.header}: ${response.headers.get(h.header) ?? "missing"}`);
    if (response.status !== 200 || wrong.length > 0)
      return fail(
        "ccp-headers",
        `${url} → ${response.status}${wrong.length ? `; ${wrong.join("; ")}` : ""}`,
        "check the distribution's response-headers policy and the site's index.html object",
      );
    return pass(
      "ccp-headers",
      `${url} → 200 with ${expectedHeaders(site.headers as Headers)
        .map((h) => h.header)
        .join(", ")}`,
    );
  },
};
