import { defineRule } from "../define-rule";

export const rule = defineRule({
  id: "start-action",
  meta: {
    description: "StartAction names an existing action Identifier.",
    messages: { unknownStart: 'StartAction "{{target}}" is not the Identifier of any action' },
  },
  check({ flow, actions, report }) {
    const start = flow["StartAction"];
    if (typeof start !== "string") return;
    if (!actions.some((a) => a.identifier === start))
      report({ messageId: "unknownStart", data: { target: start }, path: "StartAction" });
  },
});
