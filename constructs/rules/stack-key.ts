import { keyAddressOf } from "./kms-usage";
import { pick } from "./stack-view";
import { defineRule, type StackRule } from "./types";

/** A rule that every resource of `type` names a key of this stack at `path` (not an AWS managed key). */
export function stackKeyRule(spec: {
  readonly id: string;
  readonly type: string;
  readonly path: string;
  readonly what: string;
}): StackRule {
  return defineRule({
    id: spec.id,
    meta: {
      description: `Every ${spec.what} is encrypted with a customer-managed key of the stack, whose policy the stack controls`,
      fix: `set ${spec.path} to the stack key's ARN`,
    },
    check: (stack) =>
      stack.ofType(spec.type).flatMap(({ address, body }) => {
        const value = pick(body, spec.path);
        if (keyAddressOf(stack, value)) return [];
        const what = value === undefined ? "is not set" : `is ${JSON.stringify(value)}`;
        return [{ address, message: `${spec.path} ${what}, not a key of this stack` }];
      }),
  });
}
