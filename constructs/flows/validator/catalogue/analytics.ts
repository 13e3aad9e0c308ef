import type { ErrorSpec, ListSpec } from "./spec";
import { getPath } from "../values";

/**
 * Contact Lens parameters of the two recording blocks, from their flow-language pages
 * (devguide/contact-actions-updatecontactrecordingbehavior and
 * …-updatecontactrecordingandanalyticsbehavior) and the admin guide's "Set recording, analytics and
 * processing behavior" and "Enable in-flight sensitive data redaction" pages.
 */

const PAGE = "flow-language UpdateContactRecordingAndAnalyticsBehavior";

/** AnalyticsBehavior of UpdateContactRecordingBehavior: static enums. */
export const ANALYTICS_ENUMS: Readonly<Record<string, readonly string[]>> = {
  "AnalyticsBehavior.Enabled": ["True", "False"],
  "AnalyticsBehavior.AnalyticsRedactionBehavior": ["Enabled", "Disabled"],
  "AnalyticsBehavior.AnalyticsRedactionResults": ["RedactedAndOriginal", "RedactedOnly"],
  "AnalyticsBehavior.AnalyticsRedactionMaskMode": ["EntityType", "PII"],
};

/**
 * Every redaction entity the page's notes list ("Valid values include"). A value Connect adds
 * later is refused here until it is added to this list.
 */
export const REDACTION_ENTITIES: readonly string[] = [
  "BANK_ACCOUNT_NUMBER",
  "BANK_ROUTING",
  "CREDIT_DEBIT_NUMBER",
  "CREDIT_DEBIT_CVV",
  "CREDIT_DEBIT_EXPIRY",
  "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
  "PIN",
  "SWIFT_CODE",
  "CA_HEALTH_NUMBER",
  "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
  "CA_SOCIAL_INSURANCE_NUMBER",
  "SSN",
  "UK_NATIONAL_INSURANCE_NUMBER",
  "PASSPORT_NUMBER",
  "DRIVER_ID",
  "IN_AADHAAR",
  "NAME",
  "AGE",
  "EMAIL",
  "PHONE",
  "ADDRESS",
  "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
  "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
  "IN_PERMANENT_ACCOUNT_NUMBER",
  "IN_NREGA",
  "AWS_ACCESS_KEY",
  "AWS_SECRET_KEY",
  "IP_ADDRESS",
  "MAC_ADDRESS",
  "PASSWORD",
  "URL",
  "USERNAME",
  "LICENSE_PLATE",
  "VEHICLE_IDENTIFICATION_NUMBER",
  "IN_VOTER_NUMBER",
  "DATE_TIME",
  "AGENT_DISPLAY_NAME",
  "CUSTOMER_DISPLAY_NAME",
  "ATTACHMENT_NAME",
];

/** Documented entities the page says in-flight chat redaction does not support. */
export const NOT_IN_FLIGHT: readonly string[] = [
  "IN_PERMANENT_ACCOUNT_NUMBER",
  "IN_NREGA",
  "IN_VOTER_NUMBER",
  "IN_AADHAAR",
  "DATE_TIME",
  "CUSTOMER_DISPLAY_NAME",
  "AGENT_DISPLAY_NAME",
  "ATTACHMENT_NAME",
];

const CHAT = "ChatBehavior.ChatAnalyticsBehavior";
const CHAT_REDACTION = `${CHAT}.ConversationalAnalyticsRedactionConfiguration`;
const IN_FLIGHT = `${CHAT}.InFlightChatRedactionConfiguration`;

/** ChatBehavior of UpdateContactRecordingAndAnalyticsBehavior: static enums. */
export const CHAT_ANALYTICS_ENUMS: Readonly<Record<string, readonly string[]>> = {
  [`${CHAT}.Enabled`]: ["True", "False"],
  [`${CHAT_REDACTION}.Enabled`]: ["True", "False"],
  [`${CHAT_REDACTION}.RedactionResults`]: ["RedactedAndOriginal", "RedactedOnly"],
  [`${CHAT_REDACTION}.RedactionMaskMode`]: ["EntityType", "PII"],
  [`${IN_FLIGHT}.Enabled`]: ["True", "False"],
  [`${IN_FLIGHT}.RedactionMaskMode`]: ["EntityType", "PII"],
  [`${IN_FLIGHT}.DeliverUnprocessedMessages`]: ["True", "False"],
  [`${CHAT}.SentimentConfiguration.Enabled`]: ["True", "False"],
};

/** ChatBehavior lists: each member from a documented set, never empty (absent = redact all). */
export const CHAT_ANALYTICS_LISTS: Readonly<Record<string, ListSpec>> = {
  [`${CHAT}.AnalyticsModes`]: { allowed: ["ContactLens"], source: `${PAGE}: ContactLens only for chat` },
  [`${CHAT}.SummaryConfiguration.SummaryModes`]: {
    allowed: ["PostContact", "AutomatedInteraction"],
    source: PAGE,
  },
  [`${CHAT_REDACTION}.RedactionEntities`]: { allowed: REDACTION_ENTITIES, source: `${PAGE}, notes` },
  [`${IN_FLIGHT}.RedactionEntities`]: {
    allowed: REDACTION_ENTITIES,
    refused: { values: NOT_IN_FLIGHT, because: "is not supported for chat in-flight redaction" },
    source: `${PAGE}, notes`,
  },
};

/** AnalyticsRedactionEntities of UpdateContactRecordingBehavior (same notes). */
export const ANALYTICS_LISTS: Readonly<Record<string, ListSpec>> = {
  "AnalyticsBehavior.AnalyticsRedactionEntities": {
    allowed: REDACTION_ENTITIES,
    source: "flow-language UpdateContactRecordingBehavior, notes",
  },
};

/**
 * "NoMatchingError … Must always be defined", "ChannelMismatch … Must always be defined",
 * "InFlightRedactionConfigurationFailed … Must be defined if chat behavior is defined in action";
 * the admin guide shows that last branch only on the chat form of the block.
 */
export function recordingAndAnalyticsErrors(parameters: Readonly<Record<string, unknown>>): ErrorSpec {
  const chat = getPath(parameters, "ChatBehavior") !== undefined;
  const errors = [
    "NoMatchingError",
    "ChannelMismatch",
    ...(chat ? ["InFlightRedactionConfigurationFailed"] : []),
  ];
  return { allowed: errors, required: errors };
}
