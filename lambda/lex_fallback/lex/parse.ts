import { INPUT_ATTRIBUTES } from "../contract";
import type { CustomerIdFormat } from "../../shared/customer-id";
import { withCanonicalCustomer } from "../shared/claimed-customer";
import { lexEventSchema } from "./event";
import type { Turn } from "./turn";

export type ParseResult =
  | { readonly ok: true; readonly turn: Turn; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string; readonly turn: Turn };

/** A turn with nothing in it, for replying to input that is not a Lex event at all. */
export const EMPTY_TURN: Turn = {
  intentName: "FallbackIntent",
  source: "DialogCodeHook",
  inputMode: "Text",
  sessionId: "",
  contactId: "",
  transcript: "",
  localeId: "en_GB",
  confidence: undefined,
  slots: {},
  confirmationState: "None",
  attributes: {},
};

/**
 * Validates at the edge; never throws. `ok: false` still carries a turn to reply with. The claimed
 * customer id leaves here canonical (`customerIdFormat`), or not at all.
 */
export function parseTurn(raw: unknown, customerIdFormat: CustomerIdFormat): ParseResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      reason: `event is ${Array.isArray(raw) ? "an array" : raw === null ? "null" : typeof raw}`,
      turn: EMPTY_TURN,
    };
  }
  const parsed = lexEventSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, reason: "event does not match the Lex V2 shape", turn: EMPTY_TURN };
  const event = parsed.data;
  const warnings: string[] = [];
  const attributes = event.sessionState.sessionAttributes ?? { clean: {}, dropped: 0 };
  if (attributes.dropped > 0) warnings.push(`${attributes.dropped} non-string session attributes dropped`);
  const claimed = withCanonicalCustomer(attributes.clean, customerIdFormat);
  if (claimed.rejected) warnings.push("customerId session attribute is not a customer id: ignored");

  const intent = event.sessionState.intent ?? event.interpretations[0]?.intent;
  const contactId = attributes.clean[INPUT_ATTRIBUTES.contactId]?.trim();
  if (!contactId) warnings.push("no contactId session attribute: auth state keyed by the Lex session id");
  const base: Turn = {
    ...EMPTY_TURN,
    source: event.invocationSource,
    inputMode: event.inputMode,
    sessionId: event.sessionId,
    contactId: contactId || event.sessionId,
    transcript: event.inputTranscript,
    localeId: event.bot?.localeId ?? EMPTY_TURN.localeId,
    attributes: claimed.attributes,
  };
  if (intent === undefined) return { ok: false, reason: "event has no intent", turn: base };
  if (event.sessionId === "") return { ok: false, reason: "event has no sessionId", turn: base };

  const match = event.interpretations.find((i) => i.intent?.name === intent.name);
  return {
    ok: true,
    warnings,
    turn: {
      ...base,
      intentName: intent.name,
      confidence: match?.nluConfidence,
      slots: intent.slots ?? {},
      confirmationState: intent.confirmationState ?? "None",
    },
  };
}
