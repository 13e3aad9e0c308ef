import { stackKeyRule } from "../stack-key";

export const rule = stackKeyRule({
  id: "kinesis-kms",
  type: "aws_kinesis_stream",
  path: "kms_key_id",
  what: "Kinesis data stream",
});
