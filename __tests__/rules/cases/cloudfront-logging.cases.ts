import { fragment, ref, type RuleCases } from "../support";

const D = "aws_cloudfront_distribution.d";
const withDelivery = (delivery: boolean) =>
  fragment({
    aws_cloudfront_distribution: { d: {} },
    aws_cloudwatch_log_delivery_source: { s: { log_type: "ACCESS_LOGS", resource_arn: ref(D) } },
    ...(delivery
      ? {
          aws_cloudwatch_log_delivery: {
            l: {
              delivery_source_name: ref("aws_cloudwatch_log_delivery_source.s", "name"),
              delivery_destination_arn: "x",
            },
          },
        }
      : {}),
  });

export const cases: RuleCases = {
  valid: {
    "log delivery (standard logging v2)": { json: withDelivery(true) },
    "legacy standard logging": {
      json: fragment({
        aws_cloudfront_distribution: { d: { logging_config: { bucket: "logs.s3.amazonaws.com" } } },
      }),
    },
  },
  invalid: {
    "no logging": {
      json: fragment({ aws_cloudfront_distribution: { d: {} } }),
      findings: [[D, /not logged/]],
    },
    "a delivery source delivered nowhere": { json: withDelivery(false), findings: [[D, /not logged/]] },
  },
};
