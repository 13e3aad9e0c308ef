import { BOT, errors, lambda, type RuleCases, single } from "./support";

const bot = { Text: "How can I help?", LexV2Bot: { AliasArn: BOT } };

/** Cases for the missing-error-branch rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "Lambda block with a NoMatchingError branch",
      flow: single("InvokeLambdaFunction", lambda(), {
        NextAction: "end",
        Errors: errors("NoMatchingError"),
      }),
    },
    {
      name: "Lex block with NoMatchingError among its other branches",
      flow: single("ConnectParticipantWithLexBot", bot, {
        NextAction: "end",
        Errors: errors("NoMatchingCondition", "InputTimeLimitExceeded", "NoMatchingError"),
      }),
    },
    {
      name: "a prompt without Errors (a failed prompt is not this rule's concern)",
      flow: single("MessageParticipant", { Text: "hello" }),
    },
  ],
  invalid: [
    {
      name: "Lambda block with no Errors at all",
      flow: single("InvokeLambdaFunction", lambda()),
      messageId: "missing",
      path: "Actions[0].Transitions",
    },
    {
      name: "Lambda block with an empty Errors list (console habit)",
      flow: single("InvokeLambdaFunction", lambda(), { NextAction: "end", Errors: [] }),
      messageId: "missing",
      path: "Actions[0].Transitions",
    },
    {
      name: "Lex block that handles timeouts and unknown intents but not a bot failure",
      flow: single("ConnectParticipantWithLexBot", bot, {
        NextAction: "end",
        Errors: errors("NoMatchingCondition", "InputTimeLimitExceeded"),
      }),
      messageId: "missing",
      path: "Actions[0].Transitions",
    },
  ],
};
