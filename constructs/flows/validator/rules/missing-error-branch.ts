import { defineRule } from "../define-rule";
import { located } from "../model";

/**
 * Blocks that depend on another service and fail in ways the flow cannot prevent: a Lambda that
 * times out or throws, a bot that errors. Connect routes such a failure down the block's Error
 * branch (NoMatchingError); without one the flow has nowhere to go and stops, which ends a contact
 * that is not yet in a queue. Sources in docs/flow-rules.md (`missing-error-branch`).
 */
const DEPENDS_ON: Readonly<Record<string, string>> = {
  InvokeLambdaFunction: "the Lambda function",
  ConnectParticipantWithLexBot: "the Lex bot",
};

export const rule = defineRule({
  id: "missing-error-branch",
  meta: {
    description:
      "Lambda and Lex blocks handle NoMatchingError: a failing function or bot otherwise stops the flow and the contact ends without a word.",
    messages: {
      missing:
        "{{type}} has no NoMatchingError branch: if {{dependency}} fails, the flow stops and the contact is ended; route the failure to a message, a retry or an advisor",
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      const dependency = a.type === undefined ? undefined : DEPENDS_ON[a.type];
      if (dependency === undefined || a.transitions === undefined) continue;
      if (a.errors.some((e) => e.errorType === "NoMatchingError")) continue;
      report({
        messageId: "missing",
        data: { type: a.type ?? "", dependency },
        ...located(a, `${a.path}.Transitions`),
      });
    }
  },
});
