import { getPath, isTrueString } from "../values";
import {
  ALL_BUT,
  DOC,
  HOLD,
  INBOUND,
  NO_ERRORS,
  NO_MATCHING_ERROR,
  PROMPT,
  QUEUE,
  TRANSFER,
  WHISPER,
  type ActionTable,
  type NumberLimit,
} from "./spec";

/** Participant actions of the flow language: what the caller or chat customer experiences. */

const storesInput = (p: Readonly<Record<string, unknown>>): boolean => isTrueString(p["StoreInput"]);
const TIME_LIMIT = "ThirdPartyConnectionTimeLimitSeconds";
const TIMEOUT = "ThirdPartyConnectionTimeoutSeconds";
const THIRD_PARTY_TIMEOUT: NumberLimit = {
  min: 0,
  max: 600,
  integer: true,
  source: DOC("TransferParticipantToThirdParty: 0 to 600 inclusive"),
};

export const PARTICIPANT_ACTIONS: ActionTable = {
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
  // "None. This action can be used everywhere" (reference page).
  DisconnectParticipant: { terminal: true, errors: NO_ERRORS, conditions: "none" },
  TransferParticipantToThirdParty: {
    required: ["ThirdPartyPhoneNumber"],
    // The 2023 page and real exports (cresta/amazon-connect-pstn-transfer) spell the timeout
    // ...TimeLimitSeconds; the current page ...TimeoutSeconds. One block sets at most one.
    atMostOne: [[TIME_LIMIT, TIMEOUT]],
    enums: { ContinueFlowExecution: ["True", "False"] },
    numbers: { [TIME_LIMIT]: THIRD_PARTY_TIMEOUT, [TIMEOUT]: THIRD_PARTY_TIMEOUT },
    // "Supported only when ContinueFlowExecution is True"; left out, it means True (same page).
    errors: (p) => ({
      allowed: [
        ...(p["ContinueFlowExecution"] === "False" ? [] : ["CallFailed", "ConnectionTimeLimitExceeded"]),
        "NoMatchingError",
      ],
    }),
    conditions: "none",
    flowTypes: [...INBOUND, ...TRANSFER, ...QUEUE],
  },
  ShowView: {
    required: ["ViewResource.Id"],
    numbers: {
      InvocationTimeLimitSeconds: {
        min: 1,
        integer: true,
        source: DOC("ShowView: seconds to wait for the view's answer, no bound"),
      },
    },
    errors: { allowed: ["NoMatchingError", "NoMatchingCondition", "TimeLimitExceeded"] },
    // The branches are the view's own actions (Submit, Back, Next, ...).
    conditions: "equalsAny",
    flowTypes: [...INBOUND, ...QUEUE],
  },
};
