import { stackKeyRule } from "../stack-key";

export const rule = stackKeyRule({
  id: "log-group-kms",
  type: "aws_cloudwatch_log_group",
  path: "kms_key_id",
  what: "CloudWatch log group",
});
