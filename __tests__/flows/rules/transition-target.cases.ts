import { disconnect, errors, flowOf, msg, type RuleCases, single, when } from "./support";

/** Cases for the transition-target rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "error and condition branches to existing actions",
      flow: single(
        "Compare",
        { ComparisonValue: "$.Attributes.x" },
        { NextAction: "end", Errors: errors("NoMatchingCondition"), Conditions: when(["Equals", "a"]) },
      ),
    },
  ],
  invalid: [
    {
      name: "NextAction to a missing action",
      flow: flowOf([msg("a", "nowhere"), disconnect()]),
      messageId: "unknownTarget",
      path: "Actions[0].Transitions.NextAction",
    },
    {
      name: "error branch to a missing action",
      flow: single(
        "MessageParticipant",
        { Text: "x" },
        { NextAction: "end", Errors: [{ ErrorType: "NoMatchingError", NextAction: "gone" }] },
      ),
      messageId: "unknownTarget",
      path: "Actions[0].Transitions.Errors[0].NextAction",
    },
    {
      name: "numeric NextAction",
      flow: flowOf([msg("a", "end", { Transitions: { NextAction: 3 } }), disconnect()]),
      messageId: "notString",
      path: "Actions[0].Transitions.NextAction",
    },
  ],
};
