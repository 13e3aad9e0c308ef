import { stackKeyRule } from "../stack-key";

export const rule = stackKeyRule({
  id: "sns-kms",
  type: "aws_sns_topic",
  path: "kms_master_key_id",
  what: "SNS topic",
});
