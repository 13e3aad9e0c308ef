import { DOC, INBOUND, NO_MATCHING_ERROR, QUEUE, TRANSFER, type ActionTable, type NumberLimit } from "./spec";

/** Interactions of the flow language: side effects outside the contact (Lambda, callbacks, tasks). */

const CALLBACK_DELAY: NumberLimit = {
  min: 1,
  max: 259200,
  integer: true,
  static: true,
  source: DOC("CreateCallbackContact: 1 to 259,200 s (three days), static"),
};

export const INTERACTION_ACTIONS: ActionTable = {
  InvokeLambdaFunction: {
    required: ["LambdaFunctionARN", "InvocationTimeLimitSeconds"],
    numbers: {
      InvocationTimeLimitSeconds: {
        min: 1,
        max: 8,
        integer: true,
        static: true,
        source: DOC("InvokeLambdaFunction"),
      },
    },
    enums: {
      InvocationType: ["SYNCHRONOUS", "ASYNCHRONOUS"],
      "ResponseValidation.ResponseType": ["STRING_MAP", "JSON"],
    },
    references: { LambdaFunctionARN: "lambda" },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
  },
  CreateCallbackContact: {
    // Both optional: without them the callback uses the contact's current TargetQueue.
    atMostOne: [["QueueId", "AgentId"]],
    references: { QueueId: "queue", AgentId: "agent", ContactFlowId: "flow" },
    numbers: {
      InitialCallDelaySeconds: CALLBACK_DELAY,
      MaximumConnectionAttempts: {
        min: 1,
        integer: true,
        static: true,
        source: DOC("CreateCallbackContact: static integer larger than zero"),
      },
      RetryDelaySeconds: CALLBACK_DELAY,
    },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: [...INBOUND, ...TRANSFER, ...QUEUE],
  },
  // "Supported on all channels and in all contact flow types" (reference page).
  CreateTask: {
    required: ["ContactFlowId", "Name"],
    atMostOne: [["DelaySeconds", "ScheduledTime"]],
    references: { ContactFlowId: "flow" },
    numbers: {
      DelaySeconds: {
        min: 1,
        max: 518400,
        integer: true,
        source: DOC("CreateTask: 1 to 518,400 s (six days)"),
      },
    },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
  },
};
