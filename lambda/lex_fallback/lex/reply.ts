import { AUTH_PIN_SLOT } from "../intents";
import type { LexSlots } from "./event";
import type { DialogAction, IntentState, LexMessage, LexResponse, ResponseIntent } from "./response";
import { isVoice, type Turn } from "./turn";

/** Options shared by every reply. */
export interface ReplyOptions {
  /** Attributes to add or overwrite for the rest of the session. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** SSML body (without <speak>) used instead of the text on voice channels. */
  readonly ssml?: string;
  /** Slots to empty in the returned intent, e.g. the one being re-elicited. */
  readonly clearSlots?: readonly string[];
  /** Intent name to return instead of the current one. */
  readonly intentName?: string;
}

/** Lex allows 12 KB of session attributes in a response; keep well inside it. */
const MAX_ATTRIBUTE_BYTES = 10_000;

export function escapeSsml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

/** Reads digits one by one on voice ("ending in 1 2 3 4"). */
export function ssmlDigits(digits: string): string {
  return `<say-as interpret-as="digits">${escapeSsml(digits)}</say-as>`;
}

function message(turn: Turn, text: string, ssml: string | undefined): LexMessage {
  if (ssml !== undefined && isVoice(turn)) return { contentType: "SSML", content: `<speak>${ssml}</speak>` };
  return { contentType: "PlainText", content: text };
}

/** The PIN never travels back to Lex or the flow, whatever the handler did. */
function outgoingSlots(slots: LexSlots, clear: readonly string[]): LexSlots {
  const out: LexSlots = { ...slots };
  if (AUTH_PIN_SLOT in out) out[AUTH_PIN_SLOT] = null;
  for (const name of clear) out[name] = null;
  return out;
}

/** Incoming attributes plus ours; oversized caller attributes are dropped before ours. */
function sessionAttributes(
  turn: Turn,
  extra: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const merged: Record<string, string> = {};
  let bytes = Object.entries(extra ?? {}).reduce((n, [k, v]) => n + k.length + v.length, 0);
  for (const [key, value] of Object.entries(turn.attributes)) {
    if (extra && key in extra) continue;
    bytes += key.length + value.length;
    if (bytes > MAX_ATTRIBUTE_BYTES) break;
    merged[key] = value;
  }
  return { ...merged, ...extra };
}

function intent(
  turn: Turn,
  state: IntentState,
  options: ReplyOptions,
  confirmation = turn.confirmationState,
): ResponseIntent {
  return {
    name: options.intentName ?? turn.intentName,
    state,
    confirmationState: confirmation,
    slots: outgoingSlots(turn.slots, options.clearSlots ?? []),
  };
}

function respond(
  turn: Turn,
  dialogAction: DialogAction,
  responseIntent: ResponseIntent | undefined,
  text: string | undefined,
  options: ReplyOptions,
): LexResponse {
  const sessionState = {
    dialogAction,
    ...(responseIntent ? { intent: responseIntent } : {}),
    sessionAttributes: sessionAttributes(turn, options.attributes),
  };
  return text === undefined
    ? { sessionState }
    : { sessionState, messages: [message(turn, text, options.ssml)] };
}

/** Ends the intent with a final message. */
export function close(
  turn: Turn,
  state: "Fulfilled" | "Failed",
  text: string,
  options: ReplyOptions = {},
): LexResponse {
  return respond(turn, { type: "Close" }, intent(turn, state, options), text, options);
}

/** Asks for one slot; the slot being asked for is emptied so a rejected value is not kept. */
export function elicitSlot(turn: Turn, slot: string, text: string, options: ReplyOptions = {}): LexResponse {
  const clearSlots = [...(options.clearSlots ?? []), slot];
  return respond(
    turn,
    { type: "ElicitSlot", slotToElicit: slot },
    intent(turn, "InProgress", { ...options, clearSlots }),
    text,
    options,
  );
}

/** Asks the caller to confirm the intent (yes/no) before fulfilment. */
export function confirmIntent(turn: Turn, text: string, options: ReplyOptions = {}): LexResponse {
  return respond(turn, { type: "ConfirmIntent" }, intent(turn, "InProgress", options, "None"), text, options);
}

/** Hands the next step back to Lex (dialog code hook only). */
export function delegate(turn: Turn, options: ReplyOptions = {}): LexResponse {
  return respond(turn, { type: "Delegate" }, intent(turn, "InProgress", options), undefined, options);
}

/** Asks what the caller wants next; no intent is returned. */
export function elicitIntent(turn: Turn, text: string, options: ReplyOptions = {}): LexResponse {
  return respond(turn, { type: "ElicitIntent" }, undefined, text, options);
}
