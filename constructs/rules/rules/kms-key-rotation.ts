import { defineRule } from "../types";

export const rule = defineRule({
  id: "kms-key-rotation",
  meta: {
    description: "Every customer-managed symmetric key rotates its key material yearly",
    fix: "set enable_key_rotation = true",
  },
  check: (stack) =>
    stack
      .ofType("aws_kms_key")
      .filter(({ body }) => (body.customer_master_key_spec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT")
      .filter(({ body }) => body.enable_key_rotation !== true)
      .map(({ address }) => ({ address, message: "enable_key_rotation is not true" })),
});
