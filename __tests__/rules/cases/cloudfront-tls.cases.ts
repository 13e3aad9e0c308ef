import { fragment, type RuleCases } from "../support";

const distribution = (viewer_certificate: Record<string, unknown>) =>
  fragment({ aws_cloudfront_distribution: { d: { viewer_certificate } } });
const D = "aws_cloudfront_distribution.d";
const ACM = {
  acm_certificate_arn: "arn:aws:acm:us-east-1:111122223333:certificate/x",
  ssl_support_method: "sni-only",
};

export const cases: RuleCases = {
  valid: {
    "ACM certificate with TLSv1.2_2021": {
      json: distribution({ ...ACM, minimum_protocol_version: "TLSv1.2_2021" }),
    },
    "ACM certificate with TLSv1.3_2025": {
      json: distribution({ ...ACM, minimum_protocol_version: "TLSv1.3_2025" }),
    },
  },
  invalid: {
    "default certificate (TLS 1.0 allowed)": {
      json: distribution({ cloudfront_default_certificate: true }),
      findings: [[D, /default \*\.cloudfront\.net certificate/]],
    },
    "ACM certificate allowing TLS 1.1": {
      json: distribution({ ...ACM, minimum_protocol_version: "TLSv1.1_2016" }),
      findings: [[D, /TLSv1.1_2016, below TLSv1.2/]],
    },
    "ACM certificate with the provider default (TLSv1)": {
      json: distribution(ACM),
      findings: [[D, /minimum_protocol_version is undefined/]],
    },
  },
};
