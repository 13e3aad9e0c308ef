import { defineRule } from "../define-rule";
import { specFor } from "../actions";
import { located } from "../model";

export const rule = defineRule({
  id: "flow-type-restriction",
  meta: {
    description:
      "Each action appears only in flow types that support it (e.g. no TransferContactToQueue in queue/whisper/hold flows, EndFlowModuleExecution only in modules).",
    messages: { notInFlowType: "{{type}} is not allowed in a {{flowType}} flow (allowed in: {{allowed}})" },
  },
  check({ actions, flowType, report }) {
    for (const a of actions) {
      const allowed = specFor(a.type)?.flowTypes;
      if (allowed !== undefined && !allowed.includes(flowType)) {
        report({
          messageId: "notInFlowType",
          data: { type: a.type ?? "", flowType, allowed: allowed.join(", ") },
          ...located(a, `${a.path}.Type`),
        });
      }
    }
  },
});
