import { disconnect, flowOf, msg, type RuleCases } from "./support";

/** Cases for the identifier-format rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "console-style friendly names with spaces, ? and *",
      flow: flowOf([msg("CCC Billing?", "***End Call***"), disconnect("***End Call***")]),
    },
    { name: "unicode, exactly 50 characters", flow: flowOf([msg("é".repeat(50), "end"), disconnect()]) },
  ],
  invalid: [
    {
      name: "duplicate identifier",
      flow: flowOf([msg("end", "end"), disconnect()]),
      messageId: "duplicate",
      path: "Actions[1].Identifier",
    },
    {
      name: "51 characters",
      flow: flowOf([msg("a".repeat(51), "end"), disconnect()]),
      messageId: "tooLong",
      path: "Actions[0].Identifier",
    },
    {
      name: "colon",
      flow: flowOf([msg("step:1", "end"), disconnect()]),
      messageId: "forbiddenChar",
      path: "Actions[0].Identifier",
    },
    {
      name: "curly brace",
      flow: flowOf([msg("a{b", "end"), disconnect()]),
      messageId: "forbiddenChar",
      path: "Actions[0].Identifier",
    },
    {
      name: "__proto__",
      flow: flowOf([msg("__proto__", "end"), disconnect()]),
      messageId: "reserved",
      path: "Actions[0].Identifier",
    },
    {
      name: "empty",
      flow: flowOf([msg("", "end"), disconnect()]),
      messageId: "empty",
      path: "Actions[0].Identifier",
    },
  ],
};
