import { identityPolicies, WILDCARD_ONLY_ACTIONS } from "../iam-policies";
import { defineRule } from "../types";

// Exact names only: a pattern (`logs:*`, `cloudwatch:Get*`) also covers actions that take ARNs.
const onlyGrantedOnStar = (action: string): boolean =>
  WILDCARD_ONLY_ACTIONS.some((allowed) => allowed.toLowerCase() === action.toLowerCase());

export const rule = defineRule({
  id: "iam-no-wildcard-resource",
  meta: {
    description:
      'No identity policy allows an action on `Resource: "*"` unless AWS only grants that action on `*`',
    fix: "name the ARNs the action needs (or, if AWS has no resource-level permission for it, add it to WILDCARD_ONLY_ACTIONS with the documentation link)",
  },
  check: (stack) =>
    identityPolicies(stack).flatMap(({ resource, statements }) =>
      statements
        .filter((s) => s.effect === "Allow" && s.resources.includes("*"))
        .flatMap((s) => s.actions.filter((a) => !onlyGrantedOnStar(a)))
        .map((action) => ({ address: resource.address, message: `allows ${action} on Resource "*"` })),
    ),
});
