import type { InputMode, InvocationSource, LexSlots } from "./event";
import type { ConfirmationState } from "./response";

/** One Lex turn after edge validation: what every handler reads. */
export interface Turn {
  readonly intentName: string;
  readonly source: InvocationSource;
  readonly inputMode: InputMode;
  readonly sessionId: string;
  /**
   * Key of this contact's auth state: the Connect ContactId the flow passed as a session
   * attribute, else (no flow in front, e.g. the Lex console) the Lex session id.
   */
  readonly contactId: string;
  /** Truncated to Lex's 1,024-character limit; never logged. */
  readonly transcript: string;
  readonly localeId: string;
  /** NLU confidence of the current intent, when Lex sent one. */
  readonly confidence: number | undefined;
  readonly slots: LexSlots;
  readonly confirmationState: ConfirmationState;
  /** Incoming session attributes, strings only. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** Who the caller is, as far as this turn knows. */
export interface Caller {
  /** Verified id when authenticated; otherwise the id the flow claimed, if any. */
  readonly customerId: string | undefined;
  readonly authenticated: boolean;
}

export interface IntentInput extends Turn {
  readonly caller: Caller;
}

/** The slot's interpreted value (or what was said), trimmed; undefined when empty. */
export function slotValue(turn: Turn, name: string): string | undefined {
  const value = turn.slots[name]?.value;
  const text = (value?.interpretedValue ?? value?.originalValue)?.trim();
  return text ? text : undefined;
}

/** A positive amount of money from a slot ("£1,250.50", "250"); undefined when not one. */
export function amountValue(turn: Turn, name: string): number | undefined {
  const raw = slotValue(turn, name)?.replace(/[£$€,\s]/g, "");
  if (raw === undefined || !/^\d+(\.\d{1,2})?$/.test(raw)) return undefined;
  const amount = Number(raw);
  return amount > 0 ? amount : undefined;
}

export function isVoice(turn: Turn): boolean {
  return turn.inputMode === "Speech" || turn.inputMode === "DTMF";
}
