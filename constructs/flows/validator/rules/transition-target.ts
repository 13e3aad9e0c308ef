import { defineRule } from "../define-rule";

export const rule = defineRule({
  id: "transition-target",
  meta: {
    description: "Every NextAction (plain, error and condition branches) names an existing action.",
    messages: {
      unknownTarget: 'Transition goes to "{{target}}", which is not the Identifier of any action',
      notString: "NextAction must be a string Identifier",
    },
  },
  check({ actions, report }) {
    const ids = new Set(actions.flatMap((a) => (a.identifier === undefined ? [] : [a.identifier])));
    for (const a of actions) {
      const action = a.identifier === undefined ? {} : { action: a.identifier };
      for (const edge of a.edges) {
        if (typeof edge.target !== "string") report({ messageId: "notString", path: edge.path, ...action });
        else if (!ids.has(edge.target))
          report({ messageId: "unknownTarget", data: { target: edge.target }, path: edge.path, ...action });
      }
    }
  },
});
