import { pick } from "../stack-view";
import { defineRule } from "../types";

/**
 * A released number goes back to the carrier: the bank cannot claim it again, and callers who
 * dial it (printed on cards and letters) reach whoever gets it next.
 */
export const rule = defineRule({
  id: "connect-phone-number-protected",
  meta: {
    description:
      "In production every claimed phone number refuses destruction (lifecycle prevent_destroy): a released number is lost to the bank",
    fix: "set lifecycle { prevent_destroy = true } (PhoneNumbers sets it with security.deletionProtection); move a number by target_arn, in place",
  },
  check: (stack) =>
    stack.production
      ? stack
          .ofType("aws_connect_phone_number")
          .filter(({ body }) => pick(body, "lifecycle.prevent_destroy") !== true)
          .map(({ address }) => ({
            address,
            message:
              "lifecycle.prevent_destroy is not true in production: a destroy or replacement releases the number",
          }))
      : [],
});
