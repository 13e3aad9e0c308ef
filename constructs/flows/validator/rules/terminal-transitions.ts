import { defineRule } from "../define-rule";
import { specFor } from "../actions";
import { located } from "../model";

export const rule = defineRule({
  id: "terminal-transitions",
  meta: {
    description:
      "Terminal actions (DisconnectParticipant, EndFlowExecution, EndFlowModuleExecution) have Transitions {}.",
    messages: { hasTransitions: "{{type}} ends the flow and does not support transitions; found {{keys}}" },
  },
  check({ actions, report }) {
    for (const a of actions) {
      if (specFor(a.type)?.terminal !== true || a.transitions === undefined) continue;
      const transitions = a.transitions;
      const keys = Object.keys(transitions).filter((k) => {
        const v = transitions[k];
        return !(Array.isArray(v) && v.length === 0);
      });
      if (keys.length > 0) {
        report({
          messageId: "hasTransitions",
          data: { type: a.type ?? "", keys: keys.join(", ") },
          ...located(a, `${a.path}.Transitions`),
        });
      }
    }
  },
});
