import { BOT, errors, lambda, type RuleCases, single } from "./support";

/** A chat recording-and-analytics block whose ChatAnalyticsBehavior has these extra keys. */
const chatAnalytics = (extra: Record<string, unknown>) =>
  single("UpdateContactRecordingAndAnalyticsBehavior", {
    ChatBehavior: { ChatAnalyticsBehavior: { Enabled: "True", AnalyticsModes: ["ContactLens"], ...extra } },
  });
const inFlight = (config: Record<string, unknown>) =>
  chatAnalytics({ InFlightChatRedactionConfiguration: { Enabled: "True", ...config } });
const IN_FLIGHT =
  "Actions[0].Parameters.ChatBehavior.ChatAnalyticsBehavior.InFlightChatRedactionConfiguration";

/** Cases for the action-parameters rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "GetCustomerProfile by one identifier",
      flow: single("GetCustomerProfile", {
        ProfileRequestData: { IdentifierName: "_phone", IdentifierValue: "$.CustomerEndpoint.Address" },
      }),
    },
    {
      name: "GetCustomerProfile by the 2023 page's PhoneNumber key (step-by-step guides export)",
      flow: single("GetCustomerProfile", { ProfileRequestData: { PhoneNumber: "+442079460000" } }),
    },
    {
      name: "CreateCustomerProfile with no fields at all (every field is optional)",
      flow: single("CreateCustomerProfile", {}),
    },
    {
      name: "CreateCallbackContact without QueueId (uses the current queue)",
      flow: single("CreateCallbackContact", {
        InitialCallDelaySeconds: "5",
        MaximumConnectionAttempts: "1",
        RetryDelaySeconds: "600",
      }),
    },
    {
      name: "TransferContactToQueue without Parameters (console export)",
      flow: single("TransferContactToQueue", undefined, {
        NextAction: "end",
        Errors: errors("QueueAtCapacity", "NoMatchingError"),
      }),
    },
    {
      name: "GetParticipantInput storing input with validation",
      flow: single(
        "GetParticipantInput",
        { Text: "x", StoreInput: "True", InputValidation: { CustomValidation: { MaximumLength: "4" } } },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
    },
    {
      name: "CreateTask with its flow, a name and attributes (after-hours chat follow-up)",
      flow: single("CreateTask", {
        Name: "Follow-up",
        ContactFlowId: "$.Attributes.taskFlow",
        Attributes: { ChatContactId: "$.ContactId" },
        DelaySeconds: "60",
      }),
    },
    {
      name: "voice recording of both parties with Contact Lens analytics, redacted",
      flow: single("UpdateContactRecordingBehavior", {
        RecordingBehavior: { RecordedParticipants: ["Agent", "Customer"] },
        AnalyticsBehavior: {
          Enabled: "True",
          AnalyticsLanguage: "en-GB",
          AnalyticsRedactionBehavior: "Enabled",
          AnalyticsRedactionResults: "RedactedOnly",
          AnalyticsRedactionMaskMode: "EntityType",
          AnalyticsRedactionEntities: ["PIN"],
        },
      }),
    },
    {
      name: "chat Contact Lens analytics with redaction",
      flow: single("UpdateContactRecordingAndAnalyticsBehavior", {
        ChatBehavior: {
          ChatAnalyticsBehavior: {
            Enabled: "True",
            AnalyticsLanguage: "$.Attributes.language",
            ConversationalAnalyticsRedactionConfiguration: { Enabled: "True", RedactionMaskMode: "PII" },
          },
        },
      }),
    },
    {
      name: "chat in-flight redaction of card, account numbers and PINs, unprocessed messages held back",
      flow: inFlight({
        RedactionMaskMode: "EntityType",
        RedactionEntities: ["CREDIT_DEBIT_NUMBER", "BANK_ACCOUNT_NUMBER", "PIN"],
        DeliverUnprocessedMessages: "False",
      }),
    },
    {
      name: "chat in-flight redaction without entities (redacts every supported one)",
      flow: inFlight({ RedactionMaskMode: "PII" }),
    },
    {
      name: "DATE_TIME redacted from analytics output (only in-flight refuses it)",
      flow: chatAnalytics({
        ConversationalAnalyticsRedactionConfiguration: { Enabled: "True", RedactionEntities: ["DATE_TIME"] },
      }),
    },
    {
      name: "CallbackNumber as JSONPath",
      flow: single("UpdateContactCallbackNumber", { CallbackNumber: "$.CustomerEndpoint.Address" }),
    },
  ],
  invalid: [
    {
      name: 'ContinueFlowExecution "Yes" on a third-party transfer',
      flow: single("TransferParticipantToThirdParty", {
        ThirdPartyPhoneNumber: "+441234567890",
        ContinueFlowExecution: "Yes",
      }),
      messageId: "badEnum",
      path: "Actions[0].Parameters.ContinueFlowExecution",
    },
    {
      name: "both spellings of the third-party timeout on one block",
      flow: single("TransferParticipantToThirdParty", {
        ThirdPartyPhoneNumber: "+441234567890",
        ThirdPartyConnectionTimeLimitSeconds: "30",
        ThirdPartyConnectionTimeoutSeconds: "30",
      }),
      messageId: "severalOf",
      path: "Actions[0].Parameters.ThirdPartyConnectionTimeoutSeconds",
    },
    {
      name: "ShowView without a view",
      flow: single("ShowView", { ViewData: { Heading: "x" } }),
      messageId: "missingRequired",
      path: "Actions[0].Parameters.ViewResource.Id",
    },
    {
      name: "CreateCase without a template",
      flow: single("CreateCase", { LinkContactToCase: "false" }),
      messageId: "missingRequired",
      path: "Actions[0].Parameters.CaseTemplateId",
    },
    {
      name: "GetCustomerProfile naming an identifier without its value",
      flow: single("GetCustomerProfile", { ProfileRequestData: { IdentifierName: "_phone" } }),
      messageId: "requiredWhen",
      path: "Actions[0].Parameters.ProfileRequestData.IdentifierValue",
    },
    {
      name: "GetCustomerProfile combining identifiers without AND/OR",
      flow: single("GetCustomerProfile", {
        ProfileRequestData: { SearchCriteria: [{ IdentifierName: "_phone", IdentifierValue: "$.x" }] },
      }),
      messageId: "requiredWhen",
      path: "Actions[0].Parameters.ProfileRequestData.LogicalOperator",
    },
    {
      name: "Contact Lens analytics while only the agent is recorded",
      flow: single("UpdateContactRecordingBehavior", {
        RecordingBehavior: { RecordedParticipants: ["Agent"] },
        AnalyticsBehavior: { Enabled: "True", AnalyticsLanguage: "en-GB" },
      }),
      messageId: "forbiddenWhen",
      path: "Actions[0].Parameters.AnalyticsBehavior",
    },
    {
      name: "Contact Lens redaction results misspelt",
      flow: single("UpdateContactRecordingBehavior", {
        RecordingBehavior: { RecordedParticipants: ["Agent", "Customer"] },
        AnalyticsBehavior: { Enabled: "True", AnalyticsRedactionResults: "Redacted" },
      }),
      messageId: "badEnum",
      path: "Actions[0].Parameters.AnalyticsBehavior.AnalyticsRedactionResults",
    },
    {
      name: "recording and analytics block with two channel behaviours",
      flow: single("UpdateContactRecordingAndAnalyticsBehavior", {
        VoiceBehavior: {},
        ChatBehavior: { ChatAnalyticsBehavior: { Enabled: "True" } },
      }),
      messageId: "severalOf",
      path: "Actions[0].Parameters.ChatBehavior",
    },
    {
      name: "chat analytics redaction mask mode unknown",
      flow: single("UpdateContactRecordingAndAnalyticsBehavior", {
        ChatBehavior: {
          ChatAnalyticsBehavior: {
            Enabled: "True",
            ConversationalAnalyticsRedactionConfiguration: { Enabled: "True", RedactionMaskMode: "Mask" },
          },
        },
      }),
      messageId: "badEnum",
      path: "Actions[0].Parameters.ChatBehavior.ChatAnalyticsBehavior.ConversationalAnalyticsRedactionConfiguration.RedactionMaskMode",
    },
    {
      name: "in-flight redaction mask mode misspelt",
      flow: inFlight({ RedactionMaskMode: "EntityTypes" }),
      messageId: "badEnum",
      path: `${IN_FLIGHT}.RedactionMaskMode`,
    },
    {
      name: "DeliverUnprocessedMessages not True/False",
      flow: inFlight({ DeliverUnprocessedMessages: "No" }),
      messageId: "badEnum",
      path: `${IN_FLIGHT}.DeliverUnprocessedMessages`,
    },
    {
      name: "in-flight redaction entity misspelt (would leave card numbers in clear)",
      flow: inFlight({ RedactionEntities: ["PIN", "CREDIT_CARD_NUMBER"] }),
      messageId: "badMember",
      path: `${IN_FLIGHT}.RedactionEntities[1]`,
    },
    {
      name: "entity in-flight redaction does not support",
      flow: inFlight({ RedactionEntities: ["DATE_TIME"] }),
      messageId: "refusedMember",
      path: `${IN_FLIGHT}.RedactionEntities[0]`,
    },
    {
      name: "empty in-flight entity list",
      flow: inFlight({ RedactionEntities: [] }),
      messageId: "emptyList",
      path: `${IN_FLIGHT}.RedactionEntities`,
    },
    {
      name: "in-flight entities as one string",
      flow: inFlight({ RedactionEntities: "PIN" }),
      messageId: "notList",
      path: `${IN_FLIGHT}.RedactionEntities`,
    },
    {
      name: "chat analytics in the voice-only RealTime mode",
      flow: chatAnalytics({ AnalyticsModes: ["RealTime"] }),
      messageId: "badMember",
      path: "Actions[0].Parameters.ChatBehavior.ChatAnalyticsBehavior.AnalyticsModes[0]",
    },
    {
      name: "voice analytics redaction entity misspelt",
      flow: single("UpdateContactRecordingBehavior", {
        RecordingBehavior: { RecordedParticipants: ["Agent", "Customer"] },
        AnalyticsBehavior: { Enabled: "True", AnalyticsRedactionEntities: ["BANK_ACCOUNT"] },
      }),
      messageId: "badMember",
      path: "Actions[0].Parameters.AnalyticsBehavior.AnalyticsRedactionEntities[0]",
    },
    {
      name: "CreateTask without a name",
      flow: single("CreateTask", { ContactFlowId: "$.Attributes.taskFlow" }),
      messageId: "missingRequired",
      path: "Actions[0].Parameters.Name",
    },
    {
      name: "CreateTask both delayed and scheduled",
      flow: single("CreateTask", {
        Name: "x",
        ContactFlowId: "$.Attributes.taskFlow",
        DelaySeconds: "60",
        ScheduledTime: "$.Attributes.when",
      }),
      messageId: "severalOf",
      path: "Actions[0].Parameters.ScheduledTime",
    },
    {
      name: "callback with both QueueId and AgentId",
      flow: single("CreateCallbackContact", { QueueId: "$.Attributes.q", AgentId: "$.Attributes.a" }),
      messageId: "severalOf",
      path: "Actions[0].Parameters.AgentId",
    },
    {
      name: "message without Parameters",
      flow: single("MessageParticipant", undefined),
      messageId: "missingParameters",
      path: "Actions[0]",
    },
    {
      name: "Lambda without ARN",
      flow: single("InvokeLambdaFunction", { InvocationTimeLimitSeconds: "3" }),
      messageId: "missingRequired",
      path: "Actions[0].Parameters.LambdaFunctionARN",
    },
    {
      name: "message with no prompt",
      flow: single("MessageParticipant", {}),
      messageId: "noneOf",
      path: "Actions[0].Parameters",
    },
    {
      name: "message with Text and SSML",
      flow: single("MessageParticipant", { Text: "a", SSML: "<speak>a</speak>" }),
      messageId: "severalOf",
      path: "Actions[0].Parameters.SSML",
    },
    {
      name: "GetParticipantInput with a Lex bot",
      flow: single(
        "GetParticipantInput",
        { Text: "x", LexV2Bot: { AliasArn: BOT } },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "forbidden",
      path: "Actions[0].Parameters.LexV2Bot",
    },
    {
      name: "StoreInput True without InputValidation",
      flow: single(
        "GetParticipantInput",
        { Text: "x", StoreInput: "True" },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "requiredWhen",
      path: "Actions[0].Parameters.InputValidation",
    },
    {
      name: "InputValidation while StoreInput False",
      flow: single(
        "GetParticipantInput",
        { Text: "x", StoreInput: "False", InputValidation: { CustomValidation: { MaximumLength: "4" } } },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "forbiddenWhen",
      path: "Actions[0].Parameters.InputValidation",
    },
    {
      name: "two event hooks in one block",
      flow: single("UpdateContactEventHooks", {
        EventHooks: { CustomerQueue: "$.x", CustomerRemaining: "$.y" },
      }),
      messageId: "singleKey",
      path: "Actions[0].Parameters.EventHooks",
    },
    {
      name: "InvocationType lowercase",
      flow: single("InvokeLambdaFunction", lambda({ InvocationType: "sync" })),
      messageId: "badEnum",
      path: "Actions[0].Parameters.InvocationType",
    },
    {
      name: "static callback number",
      flow: single("UpdateContactCallbackNumber", { CallbackNumber: "+441234567890" }),
      messageId: "jsonPathOnly",
      path: "Actions[0].Parameters.CallbackNumber",
    },
  ],
};
