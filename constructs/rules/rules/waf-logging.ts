import { defineRule } from "../types";

export const rule = defineRule({
  id: "waf-logging",
  meta: {
    description:
      "Every WAF web ACL logs the requests it evaluates, so blocks and attacks can be investigated",
    fix: "add an aws_wafv2_web_acl_logging_configuration to an aws-waf-logs-* log group",
  },
  check: (stack) =>
    stack
      .ofType("aws_wafv2_web_acl")
      .filter(
        ({ address }) =>
          stack.referring("aws_wafv2_web_acl_logging_configuration", "resource_arn", address).length === 0,
      )
      .map(({ address }) => ({
        address,
        message: "no aws_wafv2_web_acl_logging_configuration for this web ACL",
      })),
});
