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
      // Shape of a production CUSTOMER_QUEUE export Connect accepted (GoodMeasuresLLC/connect,
      // environments/production/contact_flows/_0x_good_measures_queue_flow.json): over the console's 180.
      name: "InputTimeLimitSeconds 300 in a customer queue flow",
      flowType: "CUSTOMER_QUEUE",
      flow: single(
        "GetParticipantInput",
        { Text: "Press 1 for a callback", InputTimeLimitSeconds: "300", StoreInput: "False" },
        { NextAction: "end", Errors: errors("NoMatchingError", "InputTimeLimitExceeded") },
      ),
    },
    {
      name: "callback with no retries cap documented (MaximumConnectionAttempts 250)",
      flow: single("CreateCallbackContact", {
        InitialCallDelaySeconds: "5",
        MaximumConnectionAttempts: "250",
        RetryDelaySeconds: "600",
      }),
    },
    {
      name: "third-party connection limit 0 (documented inclusive lower bound)",
      flow: single("TransferParticipantToThirdParty", {
        ThirdPartyPhoneNumber: "+441234567890",
        ThirdPartyConnectionTimeLimitSeconds: "0",
      }),
    },
  ],
  invalid: [
    {
      name: "third-party timeout (current spelling) past 600 s",
      flow: single("TransferParticipantToThirdParty", {
        ThirdPartyPhoneNumber: "+441234567890",
        ThirdPartyConnectionTimeoutSeconds: "601",
      }),
      messageId: "outOfRange",
      path: "Actions[0].Parameters.ThirdPartyConnectionTimeoutSeconds",
    },
    {
      name: "CreateTask delayed past six days",
      flow: single("CreateTask", { Name: "x", ContactFlowId: "$.Attributes.f", DelaySeconds: "518401" }),
      messageId: "outOfRange",
      path: "Actions[0].Parameters.DelaySeconds",
    },
    {
      name: "InputTimeLimitSeconds from JSONPath (must be static)",
      flow: single(
        "GetParticipantInput",
        { Text: "x", InputTimeLimitSeconds: "$.Attributes.t" },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "mustBeStatic",
      path: "Actions[0].Parameters.InputTimeLimitSeconds",
    },
    {
      name: "InputTimeLimitSeconds 0",
      flow: single(
        "GetParticipantInput",
        { Text: "x", InputTimeLimitSeconds: "0" },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "outOfRange",
      path: "Actions[0].Parameters.InputTimeLimitSeconds",
    },
    {
      name: "callback delay over three days",
      flow: single("CreateCallbackContact", { InitialCallDelaySeconds: "259201" }),
      messageId: "outOfRange",
      path: "Actions[0].Parameters.InitialCallDelaySeconds",
    },
    {
      name: "RetryDelaySeconds from JSONPath",
      flow: single("CreateCallbackContact", { RetryDelaySeconds: "$.Attributes.delay" }),
      messageId: "mustBeStatic",
      path: "Actions[0].Parameters.RetryDelaySeconds",
    },
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
