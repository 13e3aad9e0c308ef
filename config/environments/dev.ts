import type { ConfigInput } from "../schema";
import { SHARED_SUPPRESSIONS } from "./suppressions";

/** Development: everything from the defaults (the original variables.tf), local state. */
export const dev: ConfigInput = {
  environment: "dev",
  connect: {
    // The original stack's default alias. The alias forces a new Connect instance (numbers, users,
    // flows, history) when it changes, so the environment migrated from the HCL stack keeps it.
    instanceAlias: "my-connect-instance-demo-123",
  },
  rules: {
    suppressions: [
      ...SHARED_SUPPRESSIONS,
      {
        rule: "cloudfront-tls",
        address: "aws_cloudfront_distribution.ccp_site",
        owner: "contact-centre platform team",
        reason:
          "dev has no bank host name or certificate: the *.cloudfront.net default serves only the static softphone page (public code, no data); agent sessions and audio run inside the CCP on Connect's own TLS 1.2 endpoint. Production refuses config without ccp.domainName",
      },
    ],
  },
};
