import { defineRule } from "../types";

export const rule = defineRule({
  id: "dynamodb-deletion-protection",
  meta: {
    description:
      "In production every DynamoDB table, and every replica of a global table, has deletion protection (a destroy cannot drop it)",
    fix: "set security.deletionProtection: true in the environment's config",
  },
  check: (stack) =>
    stack.production
      ? [...stack.ofType("aws_dynamodb_table"), ...stack.ofType("aws_dynamodb_table_replica")]
          .filter(({ body }) => body.deletion_protection_enabled !== true)
          .map(({ address }) => ({
            address,
            message: "deletion_protection_enabled is not true in production",
          }))
      : [],
});
