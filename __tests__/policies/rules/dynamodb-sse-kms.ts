import { type PolicyRule, resourcesOfType } from "../types";

export const rule: PolicyRule = {
  id: "dynamodb-sse-kms",
  description: "Every DynamoDB table is encrypted with a customer-managed KMS key",
  check: (json) =>
    resourcesOfType(json, "aws_dynamodb_table")
      .filter(
        ([, body]) =>
          body.server_side_encryption?.enabled !== true || !body.server_side_encryption?.kms_key_arn,
      )
      .map(([address]) => ({
        address,
        message: "server_side_encryption must be enabled with kms_key_arn (a CMK)",
      })),
};
