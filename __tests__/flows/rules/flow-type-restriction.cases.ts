import { endModule, errors, flowOf, type RuleCases, single } from "./support";

/** Cases for the flow-type-restriction rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "ShowView in a customer queue flow",
      flowType: "CUSTOMER_QUEUE",
      flow: flowOf([{ Identifier: "subject", Type: "ShowView", Parameters: {}, Transitions: {} }]),
    },
    ...(["AGENT_WHISPER", "AGENT_HOLD"] as const).map((flowType) => ({
      name: `Cases and Customer Profiles blocks in ${flowType} (pages: every flow type)`,
      flowType,
      flow: flowOf(
        ["CreateCase", "GetCase", "CreateCustomerProfile", "GetCustomerProfile"].map((type, i) => ({
          Identifier: `b${i}`,
          Type: type,
          Parameters: {},
          Transitions: {},
        })),
      ),
    })),
    {
      name: "CheckHoursOfOperation in a customer queue flow",
      flowType: "CUSTOMER_QUEUE",
      flow: flowOf([
        { Identifier: "subject", Type: "CheckHoursOfOperation", Parameters: {}, Transitions: {} },
      ]),
    },
    {
      name: "CreateCallbackContact in a customer queue flow (interruptible queue sample)",
      flowType: "CUSTOMER_QUEUE",
      flow: flowOf([
        { Identifier: "subject", Type: "CreateCallbackContact", Parameters: {}, Transitions: {} },
      ]),
    },
    {
      name: "DisconnectParticipant in a whisper flow (reference: usable everywhere)",
      flowType: "AGENT_WHISPER",
      flow: flowOf([{ Identifier: "end", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} }]),
    },
    {
      name: "EndFlowExecution in a whisper flow",
      flowType: "AGENT_WHISPER",
      flow: flowOf([{ Identifier: "end", Type: "EndFlowExecution", Parameters: {}, Transitions: {} }]),
    },
    {
      name: "transfer in a queue transfer flow",
      flowType: "QUEUE_TRANSFER",
      flow: single(
        "TransferContactToQueue",
        {},
        { NextAction: "end", Errors: errors("QueueAtCapacity", "NoMatchingError") },
      ),
    },
  ],
  invalid: [
    {
      name: "ShowView in a whisper flow (inbound and customer queue flows only)",
      flowType: "AGENT_WHISPER",
      flow: flowOf([{ Identifier: "subject", Type: "ShowView", Parameters: {}, Transitions: {} }]),
      messageId: "notInFlowType",
      path: "Actions[0].Type",
    },
    ...(
      [
        ["CheckHoursOfOperation", "AGENT_WHISPER"],
        ["CheckHoursOfOperation", "CUSTOMER_HOLD"],
        ["CheckMetricData", "CUSTOMER_WHISPER"],
        ["DistributeByPercentage", "AGENT_HOLD"],
        ["CreateCallbackContact", "AGENT_WHISPER"],
        ["UpdateContactCallbackNumber", "OUTBOUND_WHISPER"],
        ["UpdateContactRecordingBehavior", "AGENT_WHISPER"],
        ["UpdateContactMediaStreamingBehavior", "CUSTOMER_HOLD"],
        ["TransferParticipantToThirdParty", "CUSTOMER_WHISPER"],
        ["UpdateContactRoutingBehavior", "CUSTOMER_QUEUE"],
        ["TransferContactToAgent", "CONTACT_FLOW"],
        ["EndFlowExecution", "CUSTOMER_HOLD"],
        ["CompleteOutboundCall", "CONTACT_FLOW"],
      ] as const
    ).map(([type, flowType]) => ({
      name: `${type} in ${flowType} (reference page "Restrictions")`,
      flowType,
      flow: flowOf([{ Identifier: "subject", Type: type, Parameters: {}, Transitions: {} }]),
      messageId: "notInFlowType",
      path: "Actions[0].Type",
    })),
    {
      name: "TransferContactToQueue in a customer queue flow",
      flowType: "CUSTOMER_QUEUE",
      flow: single(
        "TransferContactToQueue",
        {},
        { NextAction: "end", Errors: errors("QueueAtCapacity", "NoMatchingError") },
      ),
      messageId: "notInFlowType",
      path: "Actions[0].Type",
    },
    {
      name: "EndFlowModuleExecution in a contact flow",
      flow: flowOf([endModule]),
      messageId: "notInFlowType",
      path: "Actions[0].Type",
    },
    {
      name: "GetParticipantInput in a hold flow",
      flowType: "CUSTOMER_HOLD",
      flow: single(
        "GetParticipantInput",
        { Text: "x" },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "notInFlowType",
      path: "Actions[0].Type",
    },
  ],
};
