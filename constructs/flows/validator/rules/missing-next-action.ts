import { defineRule } from "../define-rule";
import { specFor } from "../actions";
import { located } from "../model";

export const rule = defineRule({
  id: "missing-next-action",
  meta: {
    description:
      "Every non-terminal action has Transitions.NextAction (MessageParticipantIteratively excepted).",
    messages: { missing: "{{type}} does not end the flow, so it needs Transitions.NextAction" },
  },
  check({ actions, report }) {
    for (const a of actions) {
      if (a.type === undefined || a.transitions === undefined) continue;
      const spec = specFor(a.type);
      if (spec?.terminal === true || spec?.nextActionOptional === true) continue;
      if (a.transitions["NextAction"] === undefined) {
        report({
          messageId: "missing",
          data: { type: a.type },
          ...located(a, `${a.path}.Transitions.NextAction`),
        });
      }
    }
  },
});
