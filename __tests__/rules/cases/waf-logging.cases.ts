import { fragment, ref, type RuleCases } from "../support";

const W = "aws_wafv2_web_acl.w";

export const cases: RuleCases = {
  valid: {
    "logging to a log group": {
      json: fragment({
        aws_wafv2_web_acl: { w: {} },
        aws_wafv2_web_acl_logging_configuration: {
          l: { resource_arn: ref(W), log_destination_configs: [ref("aws_cloudwatch_log_group.g")] },
        },
      }),
    },
  },
  invalid: {
    "no logging configuration": {
      json: fragment({ aws_wafv2_web_acl: { w: {} } }),
      findings: [[W, /no aws_wafv2_web_acl_logging_configuration/]],
    },
    "logging of another web ACL": {
      json: fragment({
        aws_wafv2_web_acl: { w: {}, other: {} },
        aws_wafv2_web_acl_logging_configuration: { l: { resource_arn: ref("aws_wafv2_web_acl.other") } },
      }),
      findings: [[W, /no aws_wafv2_web_acl_logging_configuration/]],
    },
  },
};
