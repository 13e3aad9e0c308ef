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

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** JSON replacer for the logger: redacts secret keys and masks long numbers in every string. */
export function redactForLog(key: string, value: unknown): unknown {
  if (key !== "" && isSecretKey(key)) return REDACTED;
  if (typeof value === "string") return maskNumbers(value);
  return value;
}
