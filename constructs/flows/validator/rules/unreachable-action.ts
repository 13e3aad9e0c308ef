import { defineRule } from "../define-rule";
import { actionsById, located, reachableFrom } from "../model";

export const rule = defineRule({
  id: "unreachable-action",
  meta: {
    description: "Every action can be reached from StartAction.",
    messages: { unreachable: 'Action "{{id}}" cannot be reached from StartAction' },
  },
  check({ flow, actions, report }) {
    const start = flow["StartAction"];
    const byId = actionsById(actions);
    if (typeof start !== "string" || !byId.has(start)) return;
    const seen = reachableFrom(start, byId);
    for (const a of actions) {
      if (a.identifier !== undefined && !seen.has(a.identifier))
        report({ messageId: "unreachable", data: { id: a.identifier }, ...located(a) });
    }
  },
});
