import { pick } from "../stack-view";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "dynamodb-pitr",
  meta: {
    description: "Every DynamoDB table has point-in-time recovery (35 days of restorable history)",
    fix: "set point_in_time_recovery { enabled = true }",
  },
  check: (stack) =>
    stack
      .ofType("aws_dynamodb_table")
      .filter(({ body }) => pick(body, "point_in_time_recovery.enabled") !== true)
      .map(({ address }) => ({ address, message: "point_in_time_recovery.enabled is not true" })),
});
