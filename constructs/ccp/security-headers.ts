import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import { Construct } from "constructs";

/** Origins the agent page talks to besides its own. */
export interface CcpOrigins {
  /** Connect instance origin, e.g. `https://my-alias.my.connect.aws`: the only site the page may frame. */
  readonly connect: string;
  /** CRM API origin the customer panel calls. @default - none: the panel makes no calls */
  readonly crmApi?: string;
}

/**
 * The page's Content-Security-Policy: scripts and styles only from the site itself (no inline code,
 * no eval), frames only from the Connect instance, API calls only to the site, Connect and the CRM
 * API, and no site may frame the page (clickjacking an agent's softphone).
 */
export function ccpContentSecurityPolicy(origins: CcpOrigins): string {
  const connectSrc = ["'self'", origins.connect, ...(origins.crmApi ? [origins.crmApi] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connectSrc.join(" ")}`,
    `frame-src ${origins.connect}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Two years, as HSTS preload lists expect; the site is only ever served over HTTPS. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

export interface CcpSecurityHeadersProps {
  readonly namePrefix: string;
  readonly origins: CcpOrigins;
}

/** CloudFront response headers policy of the CCP distribution: CSP, HSTS, no-sniff, no framing. */
export class CcpSecurityHeaders extends Construct {
  public readonly policy: CloudfrontResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: CcpSecurityHeadersProps) {
    super(scope, id);
    this.policy = new CloudfrontResponseHeadersPolicy(this, "policy", {
      name: `${props.namePrefix}-ccp-security-headers`,
      comment: "Agent CCP site: CSP, HSTS, nosniff, no framing",
      securityHeadersConfig: {
        contentSecurityPolicy: {
          contentSecurityPolicy: ccpContentSecurityPolicy(props.origins),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS,
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        // For browsers without CSP frame-ancestors.
        frameOptions: { frameOption: "DENY", override: true },
        referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
      },
    });
  }
}
