import { defineRule } from "../types";

export const rule = defineRule({
  id: "secret-rotation",
  meta: {
    description:
      "Every Secrets Manager secret is rotated automatically, or a suppression says who rotates it and how",
    fix: "add an aws_secretsmanager_secret_rotation, or a suppression naming the owner and the rotation procedure",
  },
  check: (stack) =>
    stack
      .ofType("aws_secretsmanager_secret")
      .filter(
        ({ address }) =>
          stack.referring("aws_secretsmanager_secret_rotation", "secret_id", address).length === 0,
      )
      .map(({ address }) => ({ address, message: "has no rotation" })),
});
