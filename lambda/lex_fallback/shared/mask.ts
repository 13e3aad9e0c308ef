/**
 * The one place that decides what may reach a log line. The logger runs every value through
 * `redactForLog`, so a handler that logs the wrong thing still cannot leak a PIN or a full number.
 */

/** Keys whose values are never logged: PINs, secrets, what the caller said (it may be a PIN). */
const SECRET_KEY =
  /pin|passcode|password|secret|otp|cvv|cvc|token|apikey|api_key|transcript|utterance|inputtranscript/i;

/** Six or more digits, optionally split by spaces or dashes: card, account and phone numbers. */
const LONG_NUMBER = /\d(?:[ -]?\d){5,}/g;

export const REDACTED = "[REDACTED]";

/** `2026-11-25`: a date, not an account number; the logger's own timestamp starts with one. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Keeps the last four digits of every long digit run: `4111 1111 1111 1111` → `****1111`. */
export function maskNumbers(text: string): string {
  return text.replace(LONG_NUMBER, (run) =>
    ISO_DATE.test(run) ? run : `****${run.replace(/\D/g, "").slice(-4)}`,
  );
}

/** What a masked digit run reads as to the model. */
export const MASKED_NUMBER = "[number]";

/** A digit, or a digit said as a word, as speech recognition may write a spoken PIN. */
const DIGIT = "(?:\\d|\\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b)";
/** Digits in a row, run together or split by spaces, dashes, dots or commas. */
const DIGIT_RUN = new RegExp(`${DIGIT}(?:[\\s.,-]*${DIGIT})*`, "gi");

/** How many digits a run holds (a word counts as one). */
function digitCount(run: string): number {
  return run.match(new RegExp(DIGIT, "gi"))?.length ?? 0;
}

/**
 * Text for a model outside the account: every run of three or more digits (a PIN, card, account or
 * sort-code number; typed, spoken, or spoken as words) becomes `[number]`, nothing of it kept. A
 * general question needs no such number, and the caller's words may hold one whatever we asked.
 */
export function maskDigitRuns(text: string): string {
  return text.replace(DIGIT_RUN, (run) => (digitCount(run) >= 3 ? MASKED_NUMBER : run));
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** JSON replacer for the logger: redacts secret keys and masks long numbers in every string. */
export function redactForLog(key: string, value: unknown): unknown {
  if (key !== "" && isSecretKey(key)) return REDACTED;
  if (typeof value === "string") return maskNumbers(value);
  return value;
}
