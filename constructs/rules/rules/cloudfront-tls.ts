import { pick } from "../stack-view";
import { defineRule } from "../types";

/** Security policies that refuse TLS below 1.2 (CloudFront's names). */
const TLS12_OR_LATER = /^TLSv1\.(2|3)_\d{4}$/;

export const rule = defineRule({
  id: "cloudfront-tls",
  meta: {
    description:
      "Every CloudFront distribution serves its own certificate with TLS 1.2 or later (the default certificate allows TLS 1.0)",
    fix: "set ccp.domainName and ccp.certificateArn (ACM, us-east-1) in config: the site then uses TLSv1.2_2021",
  },
  check: (stack) =>
    stack.ofType("aws_cloudfront_distribution").flatMap(({ address, body }) => {
      if (pick(body, "viewer_certificate.cloudfront_default_certificate") === true) {
        return [{ address, message: "uses the default *.cloudfront.net certificate, which accepts TLS 1.0" }];
      }
      const version = pick(body, "viewer_certificate.minimum_protocol_version");
      return typeof version === "string" && TLS12_OR_LATER.test(version)
        ? []
        : [
            {
              address,
              message: `viewer_certificate.minimum_protocol_version is ${String(version)}, below TLSv1.2`,
            },
          ];
    }),
});
