import { fragment, ref, type RuleCases } from "../support";

const table = (sse?: Record<string, unknown>) =>
  fragment({ aws_kms_key: { k: {} }, aws_dynamodb_table: { t: sse ? { server_side_encryption: sse } : {} } });
const T = "aws_dynamodb_table.t";

export const cases: RuleCases = {
  valid: { "SSE with the stack key": { json: table({ enabled: true, kms_key_arn: ref("aws_kms_key.k") }) } },
  invalid: {
    "no SSE block (AWS-owned key)": { json: table(), findings: [[T, /not enabled/]] },
    "SSE disabled with a key": {
      json: table({ enabled: false, kms_key_arn: ref("aws_kms_key.k") }),
      findings: [[T, /not enabled/]],
    },
    "SSE with the AWS managed key": {
      json: table({ enabled: true }),
      findings: [[T, /kms_key_arn is undefined, not a key of this stack/]],
    },
    "SSE with a key from outside the stack": {
      json: table({ enabled: true, kms_key_arn: "arn:aws:kms:eu-west-2:111122223333:key/abc" }),
      findings: [[T, /not a key of this stack/]],
    },
  },
};
