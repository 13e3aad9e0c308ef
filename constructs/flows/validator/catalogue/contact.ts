import type { FlowType } from "../../types";
import { getPath } from "../values";
import {
  ANALYTICS_ENUMS,
  ANALYTICS_LISTS,
  CHAT_ANALYTICS_ENUMS,
  CHAT_ANALYTICS_LISTS,
  recordingAndAnalyticsErrors,
} from "./analytics";
import {
  ALL_BUT,
  DOC,
  HOLD,
  INBOUND,
  NO_ERRORS,
  NO_MATCHING_ERROR,
  QUEUE,
  TRANSFER,
  type ActionTable,
} from "./spec";

/** Contact actions of the flow language: they change the contact (attributes, queue, recording). */

/** UpdateContactRecordingBehavior: not in agent/customer whispers or hold flows. */
const RECORDING: readonly FlowType[] = [
  "CONTACT_FLOW",
  "MODULE",
  "CAMPAIGN",
  ...TRANSFER,
  "OUTBOUND_WHISPER",
  ...QUEUE,
];
const recordsBothParties = (p: Readonly<Record<string, unknown>>): boolean => {
  const who = getPath(p, "RecordingBehavior.RecordedParticipants");
  return Array.isArray(who) && who.includes("Agent") && who.includes("Customer");
};

export const CONTACT_ACTIONS: ActionTable = {
  UpdateContactAttributes: {
    required: ["Attributes"],
    enums: { TargetContact: ["Current", "Related"] },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
  },
  TagContact: { required: ["Tags"], errors: NO_MATCHING_ERROR, conditions: "none" },
  UpdateContactTargetQueue: {
    exactlyOne: [["QueueId", "AgentId"]],
    references: { QueueId: "queue", AgentId: "agent" },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: [...INBOUND, ...TRANSFER],
  },
  UpdateContactRoutingBehavior: {
    atMostOne: [["QueuePriority", "QueueTimeAdjustmentSeconds", "RoutingCriteria"]],
    numbers: {
      QueuePriority: { min: 1, integer: true, static: true, source: DOC("UpdateContactRoutingBehavior") },
      QueueTimeAdjustmentSeconds: {
        min: Number.MIN_SAFE_INTEGER,
        integer: true,
        static: true,
        source: DOC("UpdateContactRoutingBehavior"),
      },
    },
    errors: NO_ERRORS,
    conditions: "none",
    flowTypes: ["CONTACT_FLOW", "MODULE"],
  },
  UpdatePreviousContactParticipantState: {
    required: ["PreviousContactParticipantState"],
    enums: { PreviousContactParticipantState: ["AgentOnHold", "CustomerOnHold", "OffHold"] },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: [...INBOUND, ...TRANSFER],
  },
  TransferContactToAgent: {
    terminal: true,
    errors: NO_ERRORS,
    conditions: "none",
    flowTypes: TRANSFER,
  },
  TransferContactToQueue: {
    parametersOptional: true,
    errors: { allowed: ["QueueAtCapacity", "NoMatchingError"] },
    conditions: "none",
    flowTypes: [...INBOUND, ...TRANSFER],
  },
  DequeueContactAndTransferToQueue: {
    exactlyOne: [["QueueId", "AgentId"]],
    references: { QueueId: "queue", AgentId: "agent" },
    errors: { allowed: ["QueueAtCapacity", "NoMatchingError"] },
    conditions: "none",
    flowTypes: QUEUE,
  },
  UpdateContactRecordingBehavior: {
    required: ["RecordingBehavior"],
    forbiddenWhen: [
      {
        param: "AnalyticsBehavior",
        when: (p) => !recordsBothParties(p),
        because: "AnalyticsBehavior needs RecordedParticipants with both Agent and Customer",
      },
    ],
    enums: {
      "RecordingBehavior.IVRRecordingBehavior": ["Enabled", "Disabled"],
      ...ANALYTICS_ENUMS,
    },
    lists: ANALYTICS_LISTS,
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: RECORDING,
  },
  UpdateContactRecordingAndAnalyticsBehavior: {
    // "Only ONE of the following channel behavior objects can be defined per configuration."
    exactlyOne: [["VoiceBehavior", "ChatBehavior", "EmailBehavior"]],
    enums: CHAT_ANALYTICS_ENUMS,
    lists: CHAT_ANALYTICS_LISTS,
    errors: recordingAndAnalyticsErrors,
    conditions: "none",
    flowTypes: RECORDING,
  },
  UpdateContactEventHooks: {
    singleKeyOf: {
      EventHooks: [
        "AgentHold",
        "AgentWhisper",
        "CustomerHold",
        "CustomerQueue",
        "CustomerRemaining",
        "CustomerWhisper",
        "DefaultAgentUI",
        "DisconnectAgentUI",
        "PauseContact",
        "ResumeContact",
      ],
    },
    required: ["EventHooks"],
    errors: NO_MATCHING_ERROR,
    conditions: "none",
  },
  UpdateContactTextToSpeechVoice: {
    required: ["TextToSpeechVoice"],
    enums: {
      TextToSpeechEngine: ["Standard", "Neural", "Generative", "standard", "neural", "generative"],
      TextToSpeechStyle: ["None", "Conversational", "Newscaster"],
    },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
  },
  UpdateContactData: { errors: NO_MATCHING_ERROR, conditions: "none" },
  UpdateContactCallbackNumber: {
    required: ["CallbackNumber"],
    jsonPathOnly: ["CallbackNumber"],
    errors: { allowed: ["InvalidCallbackNumber", "CallbackNumberNotDialable", "NoMatchingError"] },
    conditions: "none",
    flowTypes: [...INBOUND, ...TRANSFER, ...QUEUE],
  },
  UpdateContactMediaStreamingBehavior: {
    required: ["MediaStreamingState"],
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: ALL_BUT(HOLD),
  },
  CompleteOutboundCall: { errors: NO_ERRORS, conditions: "none", flowTypes: ["OUTBOUND_WHISPER"] },
};
