import { keyAddressOf } from "../kms-usage";
import { stackKeyRule } from "../stack-key";
import { pickAll } from "../stack-view";
import { defineRule } from "../types";

const primary = stackKeyRule({
  id: "secret-kms",
  type: "aws_secretsmanager_secret",
  path: "kms_key_id",
  what: "Secrets Manager secret",
});

export const rule = defineRule({
  id: "secret-kms",
  meta: {
    description:
      "Every Secrets Manager secret, and each Region it is replicated to, is encrypted with a customer-managed key of the stack, whose policy the stack controls",
    fix: "set kms_key_id to the stack key's ARN, and each replica's kms_key_id to the key of its Region",
  },
  check: (stack) => [
    ...primary.check(stack),
    // Without a key of its own a replica is encrypted with aws/secretsmanager of its Region.
    ...stack.ofType("aws_secretsmanager_secret").flatMap(({ address, body }) =>
      pickAll(body, "replica", "kms_key_id").flatMap((key, i) =>
        keyAddressOf(stack, key)
          ? []
          : [
              {
                address,
                message: `replica[${i}] (${String(pickAll(body, "replica", "region")[i])}).kms_key_id is ${key === undefined ? "not set" : JSON.stringify(key)}, not a key of this stack`,
              },
            ],
      ),
    ),
  ],
});
