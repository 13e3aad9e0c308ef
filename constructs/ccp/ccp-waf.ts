import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Wafv2WebAcl, type Wafv2WebAclRule } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Construct } from "constructs";
import { keepAddress } from "../core/addresses";
import { asNestedBlocks } from "../core/hcl";

export interface CcpWafProps {
  /** Prefix of the web ACL name (the original's project_name). */
  readonly namePrefix: string;
  /** The us-east-1 provider (Platform.awsUsEast1): CloudFront web ACLs exist only there. */
  readonly usEast1Provider: AwsProvider;
  /** Requests per 5 minutes from one IP before it is blocked. @default 2000 */
  readonly rateLimitPerFiveMinutes?: number;
}

/** AWS managed rule groups in evaluation order; the first two are the original's. */
export const CCP_MANAGED_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesAmazonIpReputationList",
] as const;

const visibility = (metricName: string) => ({
  cloudwatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

type Descriptor = { value: unknown };

/** The provider's web ACL, with rule statements written to `synth --hcl` output as blocks (asNestedBlocks). */
class WebAcl extends Wafv2WebAcl {
  protected override synthesizeHclAttributes(): Record<string, unknown> {
    const attributes = super.synthesizeHclAttributes();
    const rules = attributes.rule as Descriptor | undefined;
    if (rules && Array.isArray(rules.value)) {
      rules.value = rules.value.map((rule: Record<string, Descriptor>) =>
        rule.statement ? { ...rule, statement: asNestedBlocks(rule.statement.value) } : rule,
      );
    }
    return attributes;
  }
}

/** WAFv2 web ACL (scope CLOUDFRONT) in front of the CCP site: managed rule groups plus a per-IP rate limit. */
export class CcpWaf extends Construct {
  public readonly webAcl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: CcpWafProps) {
    super(scope, id);
    const rateLimit = props.rateLimitPerFiveMinutes ?? 2000;
    if (!Number.isInteger(rateLimit) || rateLimit < 100) {
      throw new Error(
        `${this.node.path}: rateLimitPerFiveMinutes ${rateLimit} must be a whole number of at least 100 (the WAF minimum)`,
      );
    }

    const managed: Wafv2WebAclRule[] = CCP_MANAGED_RULE_GROUPS.map((name, i) => ({
      name: `AWS-${name}`,
      priority: i + 1,
      overrideAction: { none: {} },
      // `statement` is untyped in the binding, so it is written in Terraform's own snake_case.
      statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } },
      visibilityConfig: visibility(`AWS-${name}`),
    }));
    const rateRule: Wafv2WebAclRule = {
      name: "RateLimitPerIp",
      priority: managed.length + 1,
      action: { block: {} },
      statement: { rate_based_statement: { limit: rateLimit, aggregate_key_type: "IP" } },
      visibilityConfig: visibility("RateLimitPerIp"),
    };

    this.webAcl = keepAddress(
      new WebAcl(this, "web_acl", {
        provider: props.usEast1Provider,
        name: `${props.namePrefix}-ccp-waf`,
        description: "WAF for the agent CCP CloudFront distribution",
        scope: "CLOUDFRONT",
        defaultAction: { allow: {} },
        visibilityConfig: visibility("ccp-waf"),
        rule: [...managed, rateRule],
      }),
      "ccp_waf",
    );
  }
}
