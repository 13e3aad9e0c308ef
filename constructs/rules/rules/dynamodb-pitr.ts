import { pick } from "../stack-view";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "dynamodb-pitr",
  meta: {
    description:
      "Every DynamoDB table, and every replica of a global table, has point-in-time recovery (35 days of restorable history)",
    fix: "set point_in_time_recovery { enabled = true } (a replica: point_in_time_recovery = true)",
  },
  check: (stack) => [
    ...stack
      .ofType("aws_dynamodb_table")
      .filter(({ body }) => pick(body, "point_in_time_recovery.enabled") !== true)
      .map(({ address }) => ({ address, message: "point_in_time_recovery.enabled is not true" })),
    // A replica keeps its own recovery window: the primary's PITR does not restore it.
    ...stack
      .ofType("aws_dynamodb_table_replica")
      .filter(({ body }) => body.point_in_time_recovery !== true)
      .map(({ address }) => ({ address, message: "point_in_time_recovery is not true on this replica" })),
  ],
});
