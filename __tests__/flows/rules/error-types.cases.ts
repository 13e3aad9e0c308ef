import { errors, type RuleCases, single } from "./support";

const CHAT = { ChatBehavior: { ChatAnalyticsBehavior: { Enabled: "True" } } };
const VOICE = { VoiceBehavior: { VoiceRecordingBehavior: { RecordedParticipants: ["Agent", "Customer"] } } };
const recording = (parameters: Record<string, unknown>, ...errorTypes: string[]) =>
  single("UpdateContactRecordingAndAnalyticsBehavior", parameters, {
    NextAction: "end",
    Errors: errors(...errorTypes),
  });

const thirdParty = (parameters: Record<string, unknown>, ...errorTypes: string[]) =>
  single(
    "TransferParticipantToThirdParty",
    { ThirdPartyPhoneNumber: "$.Attributes.phoneNumber", ...parameters },
    { NextAction: "end", Errors: errors(...errorTypes) },
  );

/** Cases for the error-types rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: 'third-party transfer with CallFailed and ConnectionTimeLimitExceeded, ContinueFlowExecution "True" (cresta export)',
      flow: thirdParty(
        { ContinueFlowExecution: "True" },
        "CallFailed",
        "ConnectionTimeLimitExceeded",
        "NoMatchingError",
      ),
    },
    {
      name: "third-party transfer without ContinueFlowExecution (the page's default is True)",
      flow: thirdParty({}, "CallFailed", "NoMatchingError"),
    },
    {
      name: "ShowView with its three documented branches",
      flow: single(
        "ShowView",
        { ViewResource: { Id: "form", Version: "Latest" } },
        { NextAction: "end", Errors: errors("NoMatchingCondition", "NoMatchingError", "TimeLimitExceeded") },
      ),
    },
    {
      name: 'GetCase linking the contact: ContactNotLinked, MultipleFound, NoneFound (LinkContactToCase "true")',
      flow: single(
        "GetCase",
        { LinkContactToCase: "true", CaseResponseFields: ["title"] },
        {
          NextAction: "end",
          Errors: errors("ContactNotLinked", "MultipleFound", "NoneFound", "NoMatchingError"),
        },
      ),
    },
    {
      name: "GetCustomerProfile with its not-found and several-found branches",
      flow: single(
        "GetCustomerProfile",
        { ProfileRequestData: { IdentifierName: "_phone", IdentifierValue: "$.CustomerEndpoint.Address" } },
        { NextAction: "end", Errors: errors("MultipleFoundError", "NoneFoundError", "NoMatchingError") },
      ),
    },
    {
      name: "menu block with InputTimeLimitExceeded",
      flow: single(
        "GetParticipantInput",
        { Text: "x", StoreInput: "False" },
        { NextAction: "end", Errors: errors("InputTimeLimitExceeded", "NoMatchingError") },
      ),
    },
    {
      name: "transfer with both queue errors",
      flow: single(
        "TransferContactToQueue",
        {},
        { NextAction: "end", Errors: errors("QueueAtCapacity", "NoMatchingError") },
      ),
    },
    {
      name: "InvalidPhoneNumber with phone validation",
      flow: single(
        "GetParticipantInput",
        {
          Text: "x",
          StoreInput: "True",
          InputValidation: { PhoneNumberValidation: { NumberFormat: "Local", CountryCode: "GB" } },
        },
        { NextAction: "end", Errors: errors("NoMatchingError", "InvalidPhoneNumber") },
      ),
    },
    {
      name: "chat recording and analytics with its three branches",
      flow: recording(CHAT, "NoMatchingError", "ChannelMismatch", "InFlightRedactionConfigurationFailed"),
    },
    {
      name: "voice recording and analytics with error and channel mismatch",
      flow: recording(VOICE, "NoMatchingError", "ChannelMismatch"),
    },
  ],
  invalid: [
    {
      name: 'third-party transfer with CallFailed while ContinueFlowExecution is "False"',
      flow: thirdParty({ ContinueFlowExecution: "False" }, "CallFailed", "NoMatchingError"),
      messageId: "notAllowed",
      path: "Actions[0].Transitions.Errors[0].ErrorType",
    },
    {
      name: 'CreateCase with ContactNotLinked but LinkContactToCase "false" (the branch never appears)',
      flow: single(
        "CreateCase",
        { LinkContactToCase: "false", CaseTemplateId: "f9b90c5f-5cc6-4d9b-a18d-fc14f601ef88" },
        { NextAction: "end", Errors: errors("ContactNotLinked", "NoMatchingError") },
      ),
      messageId: "notAllowed",
      path: "Actions[0].Transitions.Errors[0].ErrorType",
    },
    {
      name: "CreateCustomerProfile with GetCustomerProfile's NoneFoundError",
      flow: single(
        "CreateCustomerProfile",
        { ProfileRequestData: { FirstName: "x" } },
        { NextAction: "end", Errors: errors("NoneFoundError", "NoMatchingError") },
      ),
      messageId: "notAllowed",
      path: "Actions[0].Transitions.Errors[0].ErrorType",
    },
    {
      name: "chat recording and analytics without the in-flight redaction branch",
      flow: recording(CHAT, "NoMatchingError", "ChannelMismatch"),
      messageId: "missingRequired",
      path: "Actions[0].Transitions.Errors",
    },
    {
      name: "recording and analytics without a channel mismatch branch",
      flow: recording(VOICE, "NoMatchingError"),
      messageId: "missingRequired",
      path: "Actions[0].Transitions.Errors",
    },
    {
      name: "in-flight redaction branch on the voice form",
      flow: recording(VOICE, "NoMatchingError", "ChannelMismatch", "InFlightRedactionConfigurationFailed"),
      messageId: "notAllowed",
      path: "Actions[0].Transitions.Errors[2].ErrorType",
    },
    {
      name: 'store-input block with InputTimeLimitExceeded (a timeout takes the success path as "Timeout")',
      flow: single(
        "GetParticipantInput",
        { Text: "x", StoreInput: "True", InputValidation: { CustomValidation: { MaximumLength: "6" } } },
        { NextAction: "end", Errors: errors("InputTimeLimitExceeded", "NoMatchingError") },
      ),
      messageId: "notAllowed",
      path: "Actions[0].Transitions.Errors[0].ErrorType",
    },
    {
      name: "Compare with NoMatchingError",
      flow: single(
        "Compare",
        { ComparisonValue: "$.Attributes.x" },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "notAllowed",
      path: "Actions[0].Transitions.Errors[0].ErrorType",
    },
    {
      name: "UpdateFlowLoggingBehavior with Errors",
      flow: single(
        "UpdateFlowLoggingBehavior",
        { FlowLoggingBehavior: "Enabled" },
        { NextAction: "end", Errors: errors("NoMatchingError") },
      ),
      messageId: "noErrors",
      path: "Actions[0].Transitions.Errors",
    },
    {
      name: "GetParticipantInput without NoMatchingError",
      flow: single(
        "GetParticipantInput",
        { Text: "x" },
        { NextAction: "end", Errors: errors("InputTimeLimitExceeded") },
      ),
      messageId: "missingRequired",
      path: "Actions[0].Transitions.Errors",
    },
    {
      name: "NoMatchingCondition while storing input",
      flow: single(
        "GetParticipantInput",
        { Text: "x", StoreInput: "True", InputValidation: { CustomValidation: { MaximumLength: "4" } } },
        { NextAction: "end", Errors: errors("NoMatchingError", "NoMatchingCondition") },
      ),
      messageId: "notAllowed",
      path: "Actions[0].Transitions.Errors[1].ErrorType",
    },
    {
      name: "numeric ErrorType",
      flow: single(
        "MessageParticipant",
        { Text: "x" },
        { NextAction: "end", Errors: [{ ErrorType: 1, NextAction: "end" }] },
      ),
      messageId: "notString",
      path: "Actions[0].Transitions.Errors[0].ErrorType",
    },
    {
      name: "same error twice",
      flow: single(
        "MessageParticipant",
        { Text: "x" },
        { NextAction: "end", Errors: errors("NoMatchingError", "NoMatchingError") },
      ),
      messageId: "duplicate",
      path: "Actions[0].Transitions.Errors[1].ErrorType",
    },
  ],
};
