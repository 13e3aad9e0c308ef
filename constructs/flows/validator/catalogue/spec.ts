import { FLOW_TYPES, type FlowType } from "../../types";

/**
 * The shape of one row of the flow-language catalogue (one row per action type, split by the
 * reference's action categories in this folder) and the pieces rows share.
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

/** Rows of one catalogue part, keyed by action type. */
export type ActionTable = Readonly<Record<string, ActionSpec>>;

export const INBOUND: readonly FlowType[] = ["CONTACT_FLOW", "MODULE", "CAMPAIGN"];
export const TRANSFER: readonly FlowType[] = ["AGENT_TRANSFER", "QUEUE_TRANSFER"];
export const WHISPER: readonly FlowType[] = ["CUSTOMER_WHISPER", "AGENT_WHISPER", "OUTBOUND_WHISPER"];
export const HOLD: readonly FlowType[] = ["CUSTOMER_HOLD", "AGENT_HOLD"];
export const QUEUE: readonly FlowType[] = ["CUSTOMER_QUEUE"];

/** Every flow type except the groups given. */
export const ALL_BUT = (...excluded: (readonly FlowType[])[]): readonly FlowType[] =>
  FLOW_TYPES.filter((t) => !excluded.some((group) => group.includes(t)));

export const PROMPT = ["Text", "SSML", "PromptId", "Media"] as const;
/** Citation of an action's page in the API reference "Flow language" (see parameter-names.ts). */
export const DOC = (page: string): string => `flow-language ${page}`;
export const NO_MATCHING_ERROR: ErrorSpec = { allowed: ["NoMatchingError"] };
export const NO_ERRORS: ErrorSpec = { allowed: [] };
export const VOICE_ID_RETIRED = "Amazon Connect Voice ID reached end of support on 2026-05-20";
