import { stackKeyRule } from "../stack-key";

export const rule = stackKeyRule({
  id: "sqs-kms",
  type: "aws_sqs_queue",
  path: "kms_master_key_id",
  what: "SQS queue",
});
