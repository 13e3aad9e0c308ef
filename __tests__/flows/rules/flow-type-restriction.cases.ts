import { endModule, errors, flowOf, type RuleCases, single } from "./support";

/** Cases for the flow-type-restriction rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
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
