import { errors, QUEUE, type RuleCases, single, when } from "./support";

const hours = (parameters: Record<string, unknown>) =>
  single("CheckHoursOfOperation", parameters, {
    NextAction: "end",
    Errors: errors("NoMatchingError"),
    Conditions: when(["Equals", "True"], ["Equals", "False"]),
  });

const chat = (analytics: Record<string, unknown>) =>
  single(
    "UpdateContactRecordingAndAnalyticsBehavior",
    { ChatBehavior: { ChatAnalyticsBehavior: analytics } },
    {
      NextAction: "end",
      Errors: errors("NoMatchingError", "ChannelMismatch", "InFlightRedactionConfigurationFailed"),
    },
  );
const CHAT_ANALYTICS = "Actions[0].Parameters.ChatBehavior.ChatAnalyticsBehavior";

/** Cases for the unknown-parameter rule: the blind spots a new user hit, and their near misses. */
export const cases: RuleCases = {
  valid: [
    {
      name: "ShowView with every documented key",
      flow: single("ShowView", {
        ViewResource: { Id: "cards", Version: "Latest" },
        InvocationTimeLimitSeconds: "300",
        ViewData: { Heading: "anything goes in view data" },
        SensitiveDataConfiguration: { HideResponseOn: ["TRANSCRIPT"] },
      }),
    },
    {
      name: "the current page's ThirdPartyConnectionTimeoutSeconds",
      flow: single("TransferParticipantToThirdParty", {
        ThirdPartyPhoneNumber: "+441234567890",
        ThirdPartyConnectionTimeoutSeconds: "30",
      }),
    },
    {
      name: "UpdateContactTargetQueue with QueueId",
      flow: single("UpdateContactTargetQueue", { QueueId: QUEUE }),
    },
    {
      name: "CheckHoursOfOperation with HoursOfOperationId",
      flow: hours({ HoursOfOperationId: "$.Attributes.h" }),
    },
    {
      name: "Set voice with engine and style",
      flow: single("UpdateContactTextToSpeechVoice", {
        TextToSpeechVoice: "Amy",
        TextToSpeechEngine: "Neural",
        TextToSpeechStyle: "None",
      }),
    },
    {
      name: "GetParticipantInput with every documented DTMF option",
      flow: single(
        "GetParticipantInput",
        {
          Text: "x",
          InputTimeLimitSeconds: "5",
          DTMFConfiguration: { InputTerminationSequence: "#", DisableCancelKey: "True" },
        },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
    },
    {
      name: "attribute maps are not looked into",
      flow: single("UpdateContactAttributes", { Attributes: { QueueArn: "anything" } }),
    },
    { name: "Wait with the console's TimeLimitSeconds", flow: single("Wait", { TimeLimitSeconds: "900" }) },
    {
      name: "chat analytics with every documented key",
      flow: chat({
        Enabled: "True",
        AnalyticsLanguage: "en-GB",
        AnalyticsModes: ["ContactLens"],
        ConversationalAnalyticsRedactionConfiguration: {
          Enabled: "True",
          RedactionResults: "RedactedOnly",
          RedactionMaskMode: "PII",
          RedactionEntities: ["PIN"],
        },
        InFlightChatRedactionConfiguration: {
          Enabled: "True",
          RedactionMaskMode: "EntityType",
          RedactionEntities: ["PIN"],
          DeliverUnprocessedMessages: "False",
        },
        SentimentConfiguration: { Enabled: "True" },
        SummaryConfiguration: { SummaryModes: ["PostContact"] },
      }),
    },
  ],
  invalid: [
    {
      name: "the page's misspelt IdentiferValue on GetCustomerProfile (the search would have no value)",
      flow: single("GetCustomerProfile", {
        ProfileRequestData: { IdentifierName: "_phone", IdentiferValue: "$.CustomerEndpoint.Address" },
      }),
      messageId: "unknown",
      path: "Actions[0].Parameters.ProfileRequestData.IdentiferValue",
    },
    {
      name: "QueueArn on UpdateContactTargetQueue",
      flow: single("UpdateContactTargetQueue", { QueueId: QUEUE, QueueArn: QUEUE }),
      messageId: "unknown",
      path: "Actions[0].Parameters.QueueArn",
    },
    {
      name: "misspelt HoursOfOperationArn (would silently use the queue's hours)",
      flow: hours({ HoursOfOperationArn: "$.Attributes.h" }),
      messageId: "unknown",
      path: "Actions[0].Parameters.HoursOfOperationArn",
    },
    {
      name: "Engine on the voice action",
      flow: single("UpdateContactTextToSpeechVoice", { TextToSpeechVoice: "Amy", Engine: "neural" }),
      messageId: "unknown",
      path: "Actions[0].Parameters.Engine",
    },
    {
      name: "Voice on a message action",
      flow: single("MessageParticipant", { Text: "hi", Voice: "Amy" }),
      messageId: "unknown",
      path: "Actions[0].Parameters.Voice",
    },
    {
      name: "misspelt in-flight redaction block (redaction would silently stay off)",
      flow: chat({ Enabled: "True", InFlightRedactionConfiguration: { Enabled: "True" } }),
      messageId: "unknown",
      path: `${CHAT_ANALYTICS}.InFlightRedactionConfiguration`,
    },
    {
      name: "misspelt key three levels down",
      flow: chat({
        InFlightChatRedactionConfiguration: { Enabled: "True", DeliverUnprocessedMessage: "False" },
      }),
      messageId: "unknown",
      path: `${CHAT_ANALYTICS}.InFlightChatRedactionConfiguration.DeliverUnprocessedMessage`,
    },
    {
      name: "misspelt key inside DTMFConfiguration",
      flow: single(
        "GetParticipantInput",
        { Text: "x", DTMFConfiguration: { InputTerminationSequance: "#" } },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "unknown",
      path: "Actions[0].Parameters.DTMFConfiguration.InputTerminationSequance",
    },
    {
      name: "QueueId on TransferContactToQueue (takes none; the target queue is set before)",
      flow: single(
        "TransferContactToQueue",
        { QueueId: QUEUE },
        { NextAction: "end", Errors: errors("QueueAtCapacity", "NoMatchingError") },
      ),
      messageId: "noParameters",
      path: "Actions[0].Parameters.QueueId",
    },
  ],
};
