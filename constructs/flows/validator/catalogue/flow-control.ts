import {
  DOC,
  INBOUND,
  NO_ERRORS,
  NO_MATCHING_ERROR,
  QUEUE,
  TRANSFER,
  VOICE_ID_RETIRED,
  WHISPER,
  type ActionTable,
  type NumberLimit,
} from "./spec";

/** Flow-control actions of the flow language: they only choose the path through the flow. */

const WAIT_LIMIT: NumberLimit = {
  min: 1,
  max: 604800,
  integer: true,
  source: DOC("Wait: positive integer, at most 604800 s (seven days)"),
};

export const FLOW_CONTROL_ACTIONS: ActionTable = {
  UpdateFlowAttributes: { required: ["FlowAttributes"], errors: NO_MATCHING_ERROR, conditions: "none" },
  TransferToFlow: {
    required: ["ContactFlowId"],
    references: { ContactFlowId: "flow" },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: [...INBOUND, ...TRANSFER],
  },
  CheckHoursOfOperation: {
    references: { HoursOfOperationId: "hours" },
    errors: NO_MATCHING_ERROR,
    conditions: "hours",
    flowTypes: [...INBOUND, ...TRANSFER, ...QUEUE],
  },
  CheckMetricData: {
    required: ["MetricType"],
    enums: {
      MetricType: [
        "NumberOfAgentsAvailable",
        "NumberOfAgentsStaffed",
        "NumberOfAgentsOnline",
        "OldestContactInQueueAgeSeconds",
        "NumberOfContactsInQueue",
      ],
    },
    atMostOne: [["QueueId", "AgentId"]],
    references: { QueueId: "queue", AgentId: "agent" },
    errors: { allowed: ["NoMatchingError", "NoMatchingCondition"] },
    conditions: "metric",
    flowTypes: [...INBOUND, ...TRANSFER, ...QUEUE],
  },
  Compare: {
    required: ["ComparisonValue"],
    jsonPathOnly: ["ComparisonValue"],
    errors: { allowed: ["NoMatchingCondition"] },
    conditions: "compare",
  },
  DistributeByPercentage: {
    errors: { allowed: ["NoMatchingCondition"] },
    conditions: "percentage",
    flowTypes: [...INBOUND, ...TRANSFER, ...QUEUE],
  },
  Loop: {
    required: ["LoopCount"],
    numbers: { LoopCount: { min: 0, max: 100, integer: true, source: DOC("Loop") } },
    errors: NO_ERRORS,
    conditions: "loop",
  },
  EndFlowExecution: {
    terminal: true,
    errors: NO_ERRORS,
    conditions: "none",
    flowTypes: [...WHISPER, ...QUEUE],
  },
  EndFlowModuleExecution: {
    terminal: true,
    forbidden: {
      Result: "create rejects console-export result fields; return data through contact attributes",
      ResultData: "create rejects console-export result fields; return data through contact attributes",
    },
    errors: NO_ERRORS,
    conditions: "none",
    flowTypes: ["MODULE"],
  },
  InvokeFlowModule: {
    required: ["FlowModuleId"],
    references: { FlowModuleId: "flowModule" },
    errors: NO_MATCHING_ERROR,
    conditions: "equalsAny",
    flowTypes: INBOUND,
  },
  UpdateFlowLoggingBehavior: {
    required: ["FlowLoggingBehavior"],
    enums: { FlowLoggingBehavior: ["Enabled", "Disabled"] },
    errors: NO_ERRORS,
    conditions: "none",
  },
  Wait: {
    numbers: { TimeLimitSeconds: WAIT_LIMIT, TimeoutSeconds: WAIT_LIMIT },
    errors: { allowed: ["NoMatchingError", "ParticipantNotFound"] },
    conditions: "wait",
  },
  StartVoiceIdStream: { errors: NO_MATCHING_ERROR, conditions: "none", retired: VOICE_ID_RETIRED },
  CheckVoiceId: { errors: NO_MATCHING_ERROR, conditions: "equalsAny", retired: VOICE_ID_RETIRED },
};
