import { fragment, ref, type RuleCases } from "../support";

const stream = (body: Record<string, unknown>) =>
  fragment({ aws_kms_key: { k: {} }, aws_kinesis_stream: { s: { encryption_type: "KMS", ...body } } });
const S = "aws_kinesis_stream.s";

export const cases: RuleCases = {
  valid: { "the stack key": { json: stream({ kms_key_id: ref("aws_kms_key.k") }) } },
  invalid: {
    "the AWS managed key (contact records under a key the stack cannot restrict)": {
      json: stream({ kms_key_id: "alias/aws/kinesis" }),
      findings: [[S, /kms_key_id is "alias\/aws\/kinesis", not a key of this stack/]],
    },
    "unencrypted stream": {
      json: stream({ encryption_type: "NONE" }),
      findings: [[S, /kms_key_id is not set/]],
    },
  },
};
