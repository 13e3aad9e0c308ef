import { errors, lambda, type RuleCases, single, when } from "./support";

/** Cases for the numeric-limits rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    { name: "timeout 8 as a string", flow: single("InvokeLambdaFunction", lambda()) },
    {
      name: "LoopCount 0 as a number",
      flow: single(
        "Loop",
        { LoopCount: 0 },
        { NextAction: "end", Conditions: when(["Equals", "ContinueLooping"], ["Equals", "DoneLooping"]) },
      ),
    },
    {
      name: "InputTimeLimitSeconds as JSONPath",
      flow: single(
        "GetParticipantInput",
        { Text: "x", InputTimeLimitSeconds: "$.Attributes.t" },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
    },
  ],
  invalid: [
    {
      name: "Lambda timeout 9",
      flow: single("InvokeLambdaFunction", lambda({ InvocationTimeLimitSeconds: "9" })),
      messageId: "outOfRange",
      path: "Actions[0].Parameters.InvocationTimeLimitSeconds",
    },
    {
      name: "Lambda timeout from JSONPath",
      flow: single("InvokeLambdaFunction", lambda({ InvocationTimeLimitSeconds: "$.Attributes.t" })),
      messageId: "mustBeStatic",
      path: "Actions[0].Parameters.InvocationTimeLimitSeconds",
    },
    {
      name: "LoopCount 101",
      flow: single(
        "Loop",
        { LoopCount: "101" },
        { NextAction: "end", Conditions: when(["Equals", "ContinueLooping"], ["Equals", "DoneLooping"]) },
      ),
      messageId: "outOfRange",
      path: "Actions[0].Parameters.LoopCount",
    },
    {
      name: "LoopCount 2.5",
      flow: single(
        "Loop",
        { LoopCount: "2.5" },
        { NextAction: "end", Conditions: when(["Equals", "ContinueLooping"], ["Equals", "DoneLooping"]) },
      ),
      messageId: "notInteger",
      path: "Actions[0].Parameters.LoopCount",
    },
    {
      name: "InputTimeLimitSeconds five",
      flow: single(
        "GetParticipantInput",
        { Text: "x", InputTimeLimitSeconds: "five" },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "notNumber",
      path: "Actions[0].Parameters.InputTimeLimitSeconds",
    },
  ],
};
