import { defineRule } from "../define-rule";
import { specFor } from "../actions";
import { located } from "../model";

export const rule = defineRule({
  id: "unknown-action-type",
  meta: {
    description:
      "Action types outside the validator table are reported (Connect rejects unknown types; the table may lag new console blocks).",
    messages: {
      unknownType:
        'Action type "{{type}}" is not in the validator table; check the spelling or add it to the catalogue in constructs/flows/validator/catalogue/',
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      if (a.type !== undefined && specFor(a.type) === undefined)
        report({ messageId: "unknownType", data: { type: a.type }, ...located(a, `${a.path}.Type`) });
    }
  },
});
