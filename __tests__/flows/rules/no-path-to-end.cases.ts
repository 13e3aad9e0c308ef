import { disconnect, flowOf, msg, type RuleCases } from "./support";

/** Cases for the no-path-to-end rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "retry loop with an exit",
      flow: flowOf([
        msg("a", "b"),
        {
          ...msg("b", "a"),
          Transitions: { NextAction: "a", Errors: [{ ErrorType: "NoMatchingError", NextAction: "end" }] },
        },
        disconnect(),
      ]),
    },
    {
      name: "closed loop in a customer queue flow",
      flowType: "CUSTOMER_QUEUE",
      flow: flowOf([msg("a", "b"), msg("b", "a")]),
    },
  ],
  invalid: [
    {
      name: "two messages pointing at each other",
      flow: flowOf([msg("a", "b"), msg("b", "a")]),
      messageId: "trapped",
      path: "Actions[0]",
    },
  ],
};
