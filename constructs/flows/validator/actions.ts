import { FLOW_TYPES, type FlowType } from "../types";
import {
  ANALYTICS_ENUMS,
  ANALYTICS_LISTS,
  CHAT_ANALYTICS_ENUMS,
  CHAT_ANALYTICS_LISTS,
  recordingAndAnalyticsErrors,
} from "./analytics";
import { getPath, isTrueString } from "./values";

/**
 * The flow language, one row per action type: every per-action fact the rules use lives here
 * (platform-facts.md §1). Rules read one column each.
 */

/** How an action's `Conditions` are judged (see rules/condition-operands.ts). */
export type ConditionKind =
  | "none"
  | "hours"
  | "loop"
  | "dtmf"
  | "lexIntent"
  | "compare"
  | "percentage"
  | "metric"
  | "iterative"
  | "wait"
  | "equalsAny";

/** Kinds of resource reference a parameter holds (see rules/reference-format.ts). */
export type ReferenceKind = "queue" | "agent" | "flow" | "flowModule" | "hours" | "lambda" | "lexAlias";

/** Bounds of a numeric parameter; `static` means JSONPath is not allowed. */
export interface NumberLimit {
  readonly min: number;
  /** Absent: no upper bound is documented. */
  readonly max?: number;
  readonly integer?: boolean;
  readonly static?: boolean;
  /** Where the bound comes from (printed with every finding). */
  readonly source: string;
}

/** A list parameter whose members come from a documented set. */
export interface ListSpec {
  readonly allowed: readonly string[];
  /** Documented members this parameter still refuses, and why. */
  readonly refused?: { readonly values: readonly string[]; readonly because: string };
  /** Where the set comes from (printed with every finding). */
  readonly source: string;
}

/** A parameter required or forbidden only in some configurations. */
export interface ConditionalParameter {
  readonly param: string;
  readonly when: (parameters: Readonly<Record<string, unknown>>) => boolean;
  /** Shown in the message: why it is required/forbidden here. */
  readonly because: string;
}

/** Error branches an action may and must list (may depend on its parameters). */
export interface ErrorSpec {
  readonly allowed: readonly string[];
  readonly required?: readonly string[];
}

export interface ActionSpec {
  /** Ends the flow: `Transitions` must be `{}`. */
  readonly terminal?: boolean;
  /** A Transitions.NextAction is not needed (MessageParticipantIteratively). */
  readonly nextActionOptional?: boolean;
  /** `Parameters` may be omitted entirely (console exports of TransferContactToQueue). */
  readonly parametersOptional?: boolean;
  readonly required?: readonly string[];
  /** Each group: exactly one member must be set. */
  readonly exactlyOne?: readonly (readonly string[])[];
  /** Each group: at most one member may be set. */
  readonly atMostOne?: readonly (readonly string[])[];
  /** Parameter → why it is not accepted on this action. */
  readonly forbidden?: Readonly<Record<string, string>>;
  readonly requiredWhen?: readonly ConditionalParameter[];
  readonly forbiddenWhen?: readonly ConditionalParameter[];
  /** Parameter whose value must be an object with exactly one key from the list. */
  readonly singleKeyOf?: Readonly<Record<string, readonly string[]>>;
  readonly enums?: Readonly<Record<string, readonly string[]>>;
  /** Static, non-empty lists whose members must come from a documented set. */
  readonly lists?: Readonly<Record<string, ListSpec>>;
  readonly numbers?: Readonly<Record<string, NumberLimit>>;
  readonly references?: Readonly<Record<string, ReferenceKind>>;
  /** Parameters that must be a single JSONPath, never a static value. */
  readonly jsonPathOnly?: readonly string[];
  readonly errors: ErrorSpec | ((parameters: Readonly<Record<string, unknown>>) => ErrorSpec);
  readonly conditions: ConditionKind;
  /** Flow types the action may appear in (the reference page's "Restrictions"); absent = all. */
  readonly flowTypes?: readonly FlowType[];
  /** Retired feature: any use is reported with this reason. */
  readonly retired?: string;
}

const INBOUND: readonly FlowType[] = ["CONTACT_FLOW", "MODULE", "CAMPAIGN"];
const TRANSFER: readonly FlowType[] = ["AGENT_TRANSFER", "QUEUE_TRANSFER"];
const WHISPER: readonly FlowType[] = ["CUSTOMER_WHISPER", "AGENT_WHISPER", "OUTBOUND_WHISPER"];
const HOLD: readonly FlowType[] = ["CUSTOMER_HOLD", "AGENT_HOLD"];
const QUEUE: readonly FlowType[] = ["CUSTOMER_QUEUE"];
/** UpdateContactRecordingBehavior: not in agent/customer whispers or hold flows. */
const RECORDING: readonly FlowType[] = [
  "CONTACT_FLOW",
  "MODULE",
  "CAMPAIGN",
  ...TRANSFER,
  "OUTBOUND_WHISPER",
  ...QUEUE,
];
const ALL_BUT = (...excluded: (readonly FlowType[])[]): readonly FlowType[] =>
  FLOW_TYPES.filter((t) => !excluded.some((group) => group.includes(t)));

const PROMPT = ["Text", "SSML", "PromptId", "Media"] as const;
/** Citation of an action's page in the API reference "Flow language" (see parameter-names.ts). */
const DOC = (page: string): string => `flow-language ${page}`;
const NO_MATCHING_ERROR: ErrorSpec = { allowed: ["NoMatchingError"] };
const NO_ERRORS: ErrorSpec = { allowed: [] };
const VOICE_ID_RETIRED = "Amazon Connect Voice ID reached end of support on 2026-05-20";
const CALLBACK_DELAY: NumberLimit = {
  min: 1,
  max: 259200,
  integer: true,
  static: true,
  source: DOC("CreateCallbackContact: 1 to 259,200 s (three days), static"),
};
const WAIT_LIMIT: NumberLimit = {
  min: 1,
  max: 604800,
  integer: true,
  source: DOC("Wait: positive integer, at most 604800 s (seven days)"),
};
const recordsBothParties = (p: Readonly<Record<string, unknown>>): boolean => {
  const who = getPath(p, "RecordingBehavior.RecordedParticipants");
  return Array.isArray(who) && who.includes("Agent") && who.includes("Customer");
};
const storesInput = (p: Readonly<Record<string, unknown>>): boolean => isTrueString(p["StoreInput"]);

export const ACTIONS: Readonly<Record<string, ActionSpec>> = {
  MessageParticipant: {
    exactlyOne: [PROMPT],
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: ALL_BUT(HOLD),
  },
  MessageParticipantIteratively: {
    required: ["Messages"],
    nextActionOptional: true,
    numbers: {
      InterruptFrequencySeconds: {
        min: 1,
        integer: true,
        source: DOC("MessageParticipantIteratively: a duration, no bound"),
      },
    },
    errors: NO_MATCHING_ERROR,
    conditions: "iterative",
    flowTypes: [...QUEUE, ...HOLD],
  },
  GetParticipantInput: {
    exactlyOne: [PROMPT],
    forbidden: {
      LexV2Bot: "a Lex bot makes the block a ConnectParticipantWithLexBot action",
      LexSessionAttributes: "Lex fields belong to ConnectParticipantWithLexBot",
    },
    requiredWhen: [{ param: "InputValidation", when: storesInput, because: 'StoreInput is "True"' }],
    forbiddenWhen: [
      { param: "InputValidation", when: (p) => !storesInput(p), because: 'StoreInput is not "True"' },
      {
        param: "InputEncryption",
        when: (p) => getPath(p, "InputValidation.CustomValidation") === undefined,
        because: "encryption needs InputValidation.CustomValidation",
      },
    ],
    enums: {
      StoreInput: ["True", "False"],
      "InputValidation.PhoneNumberValidation.NumberFormat": ["Local", "E164"],
    },
    numbers: {
      // The console caps "Get customer input" at 179/180 s, but the API takes any positive integer:
      // a production CUSTOMER_QUEUE export with 300 was accepted.
      InputTimeLimitSeconds: {
        min: 1,
        integer: true,
        static: true,
        source: DOC("GetParticipantInput: static integer larger than zero"),
      },
      "DTMFConfiguration.InterdigitTimeLimitSeconds": {
        min: 1,
        max: 20,
        integer: true,
        source: "console Get customer input (platform-facts §1)",
      },
      "InputValidation.CustomValidation.MaximumLength": {
        min: 1,
        integer: true,
        static: true,
        source: DOC("GetParticipantInput: static number"),
      },
    },
    // Stored input never times out into an error: the success path gets "Timeout" as the value
    // (admin guide "Store customer input"; real exports list no InputTimeLimitExceeded there).
    errors: (p) => ({
      allowed: [
        ...(storesInput(p) ? [] : ["InputTimeLimitExceeded"]),
        "NoMatchingError",
        ...(storesInput(p) ? [] : ["NoMatchingCondition"]),
        ...(getPath(p, "InputValidation.PhoneNumberValidation") !== undefined ? ["InvalidPhoneNumber"] : []),
      ],
      required: ["NoMatchingError"],
    }),
    conditions: "dtmf",
    flowTypes: ALL_BUT(WHISPER, HOLD),
  },
  ConnectParticipantWithLexBot: {
    required: ["LexV2Bot.AliasArn"],
    atMostOne: [PROMPT],
    references: { "LexV2Bot.AliasArn": "lexAlias" },
    errors: { allowed: ["NoMatchingCondition", "NoMatchingError", "InputTimeLimitExceeded"] },
    conditions: "lexIntent",
    flowTypes: ALL_BUT(WHISPER, HOLD),
  },
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
  UpdateContactAttributes: {
    required: ["Attributes"],
    enums: { TargetContact: ["Current", "Related"] },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
  },
  UpdateFlowAttributes: { required: ["FlowAttributes"], errors: NO_MATCHING_ERROR, conditions: "none" },
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
  // "None. This action can be used everywhere" (reference page).
  DisconnectParticipant: { terminal: true, errors: NO_ERRORS, conditions: "none" },
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
  UpdateFlowLoggingBehavior: {
    required: ["FlowLoggingBehavior"],
    enums: { FlowLoggingBehavior: ["Enabled", "Disabled"] },
    errors: NO_ERRORS,
    conditions: "none",
  },
  UpdateContactMediaStreamingBehavior: {
    required: ["MediaStreamingState"],
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: ALL_BUT(HOLD),
  },
  TransferParticipantToThirdParty: {
    required: ["ThirdPartyPhoneNumber"],
    numbers: {
      ThirdPartyConnectionTimeLimitSeconds: {
        min: 0,
        max: 600,
        integer: true,
        source: DOC("TransferParticipantToThirdParty: 0 to 600 inclusive"),
      },
    },
    errors: NO_MATCHING_ERROR,
    conditions: "none",
    flowTypes: [...INBOUND, ...TRANSFER, ...QUEUE],
  },
  Wait: {
    numbers: { TimeLimitSeconds: WAIT_LIMIT, TimeoutSeconds: WAIT_LIMIT },
    errors: { allowed: ["NoMatchingError", "ParticipantNotFound"] },
    conditions: "wait",
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
  CompleteOutboundCall: { errors: NO_ERRORS, conditions: "none", flowTypes: ["OUTBOUND_WHISPER"] },
  StartVoiceIdStream: { errors: NO_MATCHING_ERROR, conditions: "none", retired: VOICE_ID_RETIRED },
  CheckVoiceId: { errors: NO_MATCHING_ERROR, conditions: "equalsAny", retired: VOICE_ID_RETIRED },
};

/** UpdateContactData parameters that switch Voice ID on. */
export const VOICE_ID_PARAMETERS = [
  "IsVoiceIdStreamingEnabled",
  "IsVoiceAuthenticationEnabled",
  "IsFraudDetectionEnabled",
  "VoiceAuthenticationThreshold",
  "VoiceAuthenticationResponseTime",
  "FraudDetectionThreshold",
  "FraudDetectionWatchlistId",
] as const;

/** Operators of the flow language's conditions. */
export const OPERATORS = [
  "Equals",
  "TextStartsWith",
  "TextEndsWith",
  "TextContains",
  "NumberGreaterThan",
  "NumberGreaterOrEqualTo",
  "NumberLessThan",
  "NumberLessOrEqualTo",
] as const;

export function specFor(type: string | undefined): ActionSpec | undefined {
  return type !== undefined && Object.prototype.hasOwnProperty.call(ACTIONS, type)
    ? ACTIONS[type]
    : undefined;
}

export function errorSpecFor(spec: ActionSpec, parameters: Readonly<Record<string, unknown>>): ErrorSpec {
  return typeof spec.errors === "function" ? spec.errors(parameters) : spec.errors;
}
