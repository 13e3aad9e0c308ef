import { identityPolicies } from "../iam-policies";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "iam-no-wildcard-action",
  meta: {
    description: "No identity policy allows every action (`*`) or every action of a service (`service:*`)",
    fix: "list the actions the principal calls",
  },
  check: (stack) =>
    identityPolicies(stack).flatMap(({ resource, statements }) =>
      statements
        .filter((s) => s.effect === "Allow")
        .flatMap((s) => [
          ...s.actions.filter((a) => a === "*" || /^[a-z0-9-]+:\*$/i.test(a)),
          ...(s.notActions.length > 0 ? ["NotAction"] : []),
        ])
        .map((action) => ({ address: resource.address, message: `allows ${action}` })),
    ),
});
