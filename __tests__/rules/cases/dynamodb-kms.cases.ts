import { fragment, ref, type RuleCases } from "../support";

const table = (sse?: Record<string, unknown>) =>
  fragment({ aws_kms_key: { k: {} }, aws_dynamodb_table: { t: sse ? { server_side_encryption: sse } : {} } });
const T = "aws_dynamodb_table.t";

const replica = (body: Record<string, unknown>) =>
  fragment({ aws_kms_key: { k: {} }, aws_dynamodb_table_replica: { r: body } });
const R = "aws_dynamodb_table_replica.r";

export const cases: RuleCases = {
  valid: {
    "SSE with the stack key": { json: table({ enabled: true, kms_key_arn: ref("aws_kms_key.k") }) },
    "a replica under a key of the stack": { json: replica({ kms_key_arn: ref("aws_kms_key.k") }) },
  },
  invalid: {
    "a replica without a key (aws/dynamodb)": {
      json: replica({}),
      findings: [[R, /not a key of this stack/]],
    },
    "a replica under a key from outside the stack": {
      json: replica({ kms_key_arn: "arn:aws:kms:eu-central-1:111122223333:key/abc" }),
      findings: [[R, /not a key of this stack/]],
    },
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
