import { pick } from "../stack-view";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "cloudfront-logging",
  meta: {
    description:
      "Every CloudFront distribution logs its requests (standard logging or a CloudWatch log delivery)",
    fix: "add an aws_cloudwatch_log_delivery_source for the distribution's ACCESS_LOGS with a delivery to the log bucket",
  },
  check: (stack) =>
    stack.ofType("aws_cloudfront_distribution").flatMap(({ address, body }) => {
      const legacy = pick(body, "logging_config.bucket") !== undefined;
      const delivered = stack
        .referring("aws_cloudwatch_log_delivery_source", "resource_arn", address)
        .some(
          (source) =>
            stack.referring("aws_cloudwatch_log_delivery", "delivery_source_name", source.address).length > 0,
        );
      return legacy || delivered ? [] : [{ address, message: "its requests are not logged anywhere" }];
    }),
});
