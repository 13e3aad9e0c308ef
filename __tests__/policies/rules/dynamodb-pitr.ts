import { type PolicyRule, resourcesOfType } from "../types";

export const rule: PolicyRule = {
  id: "dynamodb-pitr",
  description: "Every DynamoDB table has point-in-time recovery",
  check: (json) =>
    resourcesOfType(json, "aws_dynamodb_table")
      .filter(([, body]) => body.point_in_time_recovery?.enabled !== true)
      .map(([address]) => ({ address, message: "point_in_time_recovery.enabled must be true" })),
};
