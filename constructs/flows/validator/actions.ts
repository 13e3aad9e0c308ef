import { CASE_AND_PROFILE_ACTIONS } from "./catalogue/cases-and-profiles";
import { CONTACT_ACTIONS } from "./catalogue/contact";
import { FLOW_CONTROL_ACTIONS } from "./catalogue/flow-control";
import { INTERACTION_ACTIONS } from "./catalogue/interactions";
import { PARTICIPANT_ACTIONS } from "./catalogue/participant";
import type { ActionSpec, ActionTable, ErrorSpec } from "./catalogue/spec";

export type {
  ActionSpec,
  ConditionKind,
  ConditionalParameter,
  ErrorSpec,
  ListSpec,
  NumberLimit,
  ReferenceKind,
} from "./catalogue/spec";

/**
 * The flow language, one row per action type: every per-action fact the rules use lives in the
 * catalogue (platform-facts.md §1), one file per category of the reference's action pages:
 * participant actions, contact actions, flow control, interactions, and the Cases and Customer
 * Profiles blocks. Rules read one column each through `specFor`.
 */
export const ACTIONS: ActionTable = {
  ...PARTICIPANT_ACTIONS,
  ...CONTACT_ACTIONS,
  ...FLOW_CONTROL_ACTIONS,
  ...INTERACTION_ACTIONS,
  ...CASE_AND_PROFILE_ACTIONS,
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
