import { defineRule } from "../define-rule";

export const MAX_ACTIONS = 250;
export const MAX_CONTENT_CHARS = 256000;

export const rule = defineRule({
  id: "flow-size",
  meta: {
    description: `At most ${MAX_ACTIONS} actions and ${MAX_CONTENT_CHARS} characters of content.`,
    messages: {
      tooManyActions: `The flow has {{count}} actions; Connect accepts at most ${MAX_ACTIONS} (split it into modules)`,
      contentTooLong: `The content is {{length}} characters; Connect accepts at most ${MAX_CONTENT_CHARS}`,
    },
  },
  check({ actions, contentLength, report }) {
    if (actions.length > MAX_ACTIONS)
      report({ messageId: "tooManyActions", data: { count: actions.length }, path: "Actions" });
    if (contentLength > MAX_CONTENT_CHARS)
      report({ messageId: "contentTooLong", data: { length: contentLength }, path: "" });
  },
});
