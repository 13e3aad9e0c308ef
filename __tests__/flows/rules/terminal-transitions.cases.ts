import { disconnect, flowOf, msg, type RuleCases } from "./support";

/** Cases for the terminal-transitions rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "disconnect with empty Errors and Conditions lists",
      flow: flowOf([{ ...disconnect(), Transitions: { Errors: [], Conditions: [] } }]),
    },
  ],
  invalid: [
    {
      name: "disconnect with NextAction",
      flow: flowOf([msg("a", "end"), { ...disconnect(), Transitions: { NextAction: "a" } }]),
      messageId: "hasTransitions",
      path: "Actions[1].Transitions",
    },
  ],
};
