import { disconnect, flowOf, msg, type RuleCases, single } from "./support";

/** Cases for the unreachable-action rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "action reached only through an error branch",
      flow: single(
        "MessageParticipant",
        { Text: "x" },
        { NextAction: "end", Errors: [{ ErrorType: "NoMatchingError", NextAction: "oops" }] },
      ),
    },
  ],
  invalid: [
    {
      name: "orphan message",
      flow: flowOf([msg("a", "end"), disconnect(), msg("orphan", "end")]),
      messageId: "unreachable",
      path: "Actions[2]",
    },
  ],
};
