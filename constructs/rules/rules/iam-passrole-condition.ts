import { identityPolicies } from "../iam-policies";
import { actionMatches, conditionValues } from "../stack-view";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "iam-passrole-condition",
  meta: {
    description:
      "Every iam:PassRole allowance names the service it passes to (iam:PassedToService): else the role can be handed to any service",
    fix: 'add Condition { StringEquals: { "iam:PassedToService": "<service>.amazonaws.com" } }',
  },
  check: (stack) =>
    identityPolicies(stack).flatMap(({ resource, statements }) =>
      statements
        .filter(
          (s) =>
            s.effect === "Allow" &&
            s.actions.some((a) => actionMatches(a, "iam:PassRole")) &&
            conditionValues(s, "iam:PassedToService") === undefined,
        )
        .map(() => ({
          address: resource.address,
          message: "allows iam:PassRole without iam:PassedToService",
        })),
    ),
});
