/**
 * Parameter names each action accepts (allow-lists for rules/unknown-parameter.ts).
 *
 * A dotted name (`DTMFConfiguration.InputTerminationSequence`) also fixes the keys of that nested
 * object, at any depth; objects without dotted entries (attribute maps, `Messages`) are not looked
 * into.
 *
 * Sources, per row in `source`:
 *  - "flow-language": the Amazon Connect API reference "Flow language" action page of that action
 *    (docs.aws.amazon.com/connect/latest/APIReference/<category>-actions-<type>.html); snapshot read
 *    from awsdocs/amazon-connect-admin-guide doc_source at 9342a9b^ (2023).
 *  - "console-export": keys the console writes that the reference page omits, seen in the real
 *    exports under __tests__/flows/corpus (sources in corpus/SOURCES.md).
 *  - "platform-facts": /work/shared/reference/platform-facts.md §1 (cross-checked exports and notes).
 */
export interface ParameterNames {
  readonly names: readonly string[];
  readonly source: string;
}

const PROMPT = ["PromptId", "Text", "SSML", "Media", "Media.Uri", "Media.SourceType", "Media.MediaType"];
const QUEUE_OR_AGENT = ["QueueId", "AgentId"];
/** Keys under ChatBehavior.ChatAnalyticsBehavior, every level listed so each object's keys are fixed. */
const CHAT_ANALYTICS = [
  "",
  ".Enabled",
  ".AnalyticsLanguage",
  ".AnalyticsModes",
  ".ConversationalAnalyticsRedactionConfiguration",
  ".ConversationalAnalyticsRedactionConfiguration.Enabled",
  ".ConversationalAnalyticsRedactionConfiguration.RedactionResults",
  ".ConversationalAnalyticsRedactionConfiguration.RedactionMaskMode",
  ".ConversationalAnalyticsRedactionConfiguration.RedactionEntities",
  ".InFlightChatRedactionConfiguration",
  ".InFlightChatRedactionConfiguration.Enabled",
  ".InFlightChatRedactionConfiguration.RedactionMaskMode",
  ".InFlightChatRedactionConfiguration.RedactionEntities",
  ".InFlightChatRedactionConfiguration.DeliverUnprocessedMessages",
  ".SentimentConfiguration",
  ".SentimentConfiguration.Enabled",
  ".SummaryConfiguration",
  ".SummaryConfiguration.SummaryModes",
];

export const PARAMETER_NAMES: Readonly<Record<string, ParameterNames>> = {
  MessageParticipant: { names: PROMPT, source: "flow-language" },
  MessageParticipantIteratively: {
    names: ["Messages", "InterruptFrequencySeconds", "ContinueMessagingDuringInterrupt"],
    source: "flow-language; ContinueMessagingDuringInterrupt from platform-facts",
  },
  GetParticipantInput: {
    names: [
      ...PROMPT,
      "InputTimeLimitSeconds",
      "StoreInput",
      "InputValidation",
      "InputValidation.PhoneNumberValidation",
      "InputValidation.CustomValidation",
      "InputEncryption",
      "InputEncryption.EncryptionKeyId",
      "InputEncryption.Key",
      "DTMFConfiguration",
      "DTMFConfiguration.InputTerminationSequence",
      "DTMFConfiguration.DisableCancelKey",
      "DTMFConfiguration.InterdigitTimeLimitSeconds",
      // Known so action-parameters / retired-features can say why they do not belong here.
      "LexV2Bot",
      "LexSessionAttributes",
      "LexBot",
    ],
    source: "flow-language; InterdigitTimeLimitSeconds from platform-facts",
  },
  ConnectParticipantWithLexBot: {
    names: [
      ...PROMPT,
      "LexV2Bot",
      "LexV2Bot.AliasArn",
      "LexBot",
      "LexSessionAttributes",
      // The reference page spells it "Initilization"; the service message says "Initialization".
      "LexInitilizationData",
      "LexInitializationData",
      "LexTimeoutSeconds",
    ],
    source: "flow-language",
  },
  InvokeLambdaFunction: {
    names: [
      "LambdaFunctionARN",
      "InvocationTimeLimitSeconds",
      "InvocationType",
      "LambdaInvocationAttributes",
      "ResponseValidation",
      "ResponseValidation.ResponseType",
    ],
    source: "flow-language; InvocationType and ResponseValidation from platform-facts",
  },
  UpdateContactAttributes: { names: ["Attributes", "TargetContact"], source: "flow-language" },
  UpdateFlowAttributes: { names: ["FlowAttributes"], source: "platform-facts" },
  TagContact: { names: ["Tags"], source: "platform-facts" },
  UpdateContactTargetQueue: { names: QUEUE_OR_AGENT, source: "flow-language" },
  TransferContactToQueue: { names: [], source: "flow-language (no parameters are expected)" },
  TransferContactToAgent: { names: [], source: "flow-language (no parameters are expected)" },
  DequeueContactAndTransferToQueue: { names: QUEUE_OR_AGENT, source: "flow-language" },
  TransferToFlow: { names: ["ContactFlowId"], source: "flow-language" },
  CheckHoursOfOperation: { names: ["HoursOfOperationId"], source: "flow-language" },
  CheckMetricData: { names: ["MetricType", ...QUEUE_OR_AGENT], source: "flow-language" },
  Compare: { names: ["ComparisonValue"], source: "flow-language" },
  DistributeByPercentage: { names: [], source: "flow-language" },
  Loop: { names: ["LoopCount"], source: "flow-language" },
  DisconnectParticipant: { names: [], source: "flow-language" },
  EndFlowExecution: { names: [], source: "flow-language" },
  // Known so action-parameters can say why create rejects them.
  EndFlowModuleExecution: { names: ["Result", "ResultData"], source: "platform-facts" },
  InvokeFlowModule: { names: ["FlowModuleId"], source: "platform-facts" },
  UpdateContactRecordingBehavior: {
    names: [
      "RecordingBehavior",
      "RecordingBehavior.RecordedParticipants",
      "RecordingBehavior.ScreenRecordedParticipants",
      "RecordingBehavior.IVRRecordingBehavior",
      "AnalyticsBehavior",
    ],
    source: "flow-language (APIReference/contact-actions-updatecontactrecordingbehavior)",
  },
  UpdateContactRecordingAndAnalyticsBehavior: {
    names: [
      "VoiceBehavior",
      "ChatBehavior",
      "EmailBehavior",
      ...CHAT_ANALYTICS.map((n) => `ChatBehavior.ChatAnalyticsBehavior${n}`),
    ],
    source:
      "flow-language (devguide/contact-actions-updatecontactrecordingandanalyticsbehavior): one channel behaviour per block; ChatBehavior keys from its parameter object",
  },
  UpdateContactEventHooks: {
    names: ["EventHooks", "EventHooksConfiguration"],
    source: "flow-language; EventHooksConfiguration from platform-facts",
  },
  UpdateContactTextToSpeechVoice: {
    names: ["TextToSpeechVoice", "TextToSpeechEngine", "TextToSpeechStyle"],
    source: "flow-language; TextToSpeechStyle from platform-facts",
  },
  UpdateContactData: {
    names: [
      "Name",
      "Description",
      "LanguageCode",
      "CustomerId",
      "References",
      "IsVoiceIdStreamingEnabled",
      "IsVoiceAuthenticationEnabled",
      "IsFraudDetectionEnabled",
      "VoiceAuthenticationThreshold",
      "VoiceAuthenticationResponseTime",
      "FraudDetectionThreshold",
      "FraudDetectionWatchlistId",
    ],
    source: "platform-facts",
  },
  UpdateContactCallbackNumber: { names: ["CallbackNumber"], source: "flow-language" },
  CreateCallbackContact: {
    names: [
      ...QUEUE_OR_AGENT,
      "InitialCallDelaySeconds",
      "MaximumConnectionAttempts",
      "RetryDelaySeconds",
      "ContactFlowId",
    ],
    source: "flow-language; ContactFlowId from platform-facts",
  },
  UpdateContactRoutingBehavior: {
    names: ["QueuePriority", "QueueTimeAdjustmentSeconds", "RoutingCriteria"],
    source: "flow-language; RoutingCriteria from platform-facts",
  },
  UpdatePreviousContactParticipantState: {
    names: ["PreviousContactParticipantState"],
    source: "flow-language",
  },
  UpdateFlowLoggingBehavior: { names: ["FlowLoggingBehavior"], source: "flow-language" },
  UpdateContactMediaStreamingBehavior: {
    names: ["MediaStreamingState", "Participants", "MediaStreamType"],
    source: "flow-language",
  },
  TransferParticipantToThirdParty: {
    names: [
      "ThirdPartyPhoneNumber",
      "ThirdPartyConnectionTimeLimitSeconds",
      "ThirdPartyConnectionTimeoutSeconds",
      "ContinueFlowExecution",
      "ThirdPartyDTMFDigits",
      "CallerId",
      "CallerId.Number",
      "CallerId.Name",
    ],
    source:
      "flow-language (ThirdPartyConnectionTimeoutSeconds: the current page's spelling of ...TimeLimitSeconds)",
  },
  ShowView: {
    names: [
      "ViewResource",
      "ViewResource.Id",
      "ViewResource.Version",
      "InvocationTimeLimitSeconds",
      "ViewData",
      "SensitiveDataConfiguration",
      "SensitiveDataConfiguration.HideResponseOn",
    ],
    source: "flow-language ShowView (APIReference/participant-actions-showview)",
  },
  CreateCase: {
    names: ["LinkContactToCase", "CaseTemplateId", "CaseRequestFields"],
    source: "flow-language CreateCase (APIReference/createcase)",
  },
  GetCase: {
    names: [
      "LinkContactToCase",
      "GetLastUpdatedCase",
      "CustomerId",
      "CaseRequestFields",
      "CaseResponseFields",
    ],
    source: "flow-language GetCase (APIReference/getcase)",
  },
  CreateCustomerProfile: {
    names: ["ProfileRequestData", "ProfileResponseData"],
    source: "flow-language CreateCustomerProfile (APIReference/interactions-createcustomerprofile)",
  },
  GetCustomerProfile: {
    names: [
      "ProfileRequestData",
      "ProfileRequestData.IdentifierName",
      // The page spells it "IdentiferValue" once; its SearchCriteria and real exports say IdentifierValue.
      "ProfileRequestData.IdentifierValue",
      "ProfileRequestData.SearchCriteria",
      "ProfileRequestData.LogicalOperator",
      // The 2023 page's search keys, still in real exports (step-by-step guides module library).
      "ProfileRequestData.PhoneNumber",
      "ProfileRequestData.EmailAddress",
      "ProfileResponseData",
    ],
    source:
      "flow-language GetCustomerProfile (APIReference/interactions-getcustomerprofile), current and 2023",
  },
  // The reference page says TimeoutSeconds; the console writes TimeLimitSeconds (corpus).
  Wait: { names: ["TimeLimitSeconds", "TimeoutSeconds", "Events"], source: "flow-language; console-export" },
  CreateTask: {
    names: [
      "Name",
      "Description",
      "Attributes",
      "ContactFlowId",
      "References",
      "TaskTemplateId",
      "DelaySeconds",
      "ScheduledTime",
    ],
    source: "flow-language CreateTask (APIReference/createtask); console-export (sample inbound flow)",
  },
  CompleteOutboundCall: { names: ["CallerId", "CallerId.Number"], source: "flow-language" },
  StartVoiceIdStream: { names: [], source: "flow-language" },
  CheckVoiceId: { names: ["CheckVoiceIdOption"], source: "flow-language" },
};

/** Edit distance between two names, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The known name an unknown one most likely meant: a known name that contains it or that it
 * contains (`Engine` → `TextToSpeechEngine`) wins, else the smallest edit distance.
 */
export function nearestName(unknown: string, known: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  const containing = known.filter((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()));
  const pool = containing.length > 0 ? containing : known;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const name of pool) {
    const score = distance(unknown, name);
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
