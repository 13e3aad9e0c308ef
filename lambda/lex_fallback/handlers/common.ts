import { OUTPUT_ATTRIBUTES } from "../contract";
import type { IntentInput } from "../lex/turn";
import { slotValue } from "../lex/turn";
import type { AccountType } from "../ports";

/** The verified customer; the orchestrator only calls sensitive handlers once this exists. */
export function verifiedCustomer(input: IntentInput): string {
  if (!input.caller.authenticated || input.caller.customerId === undefined) {
    throw new Error(`${input.intentName} reached its handler without an authenticated caller`);
  }
  return input.caller.customerId;
}

const ACCOUNT_WORDS: ReadonlyArray<readonly [RegExp, AccountType]> = [
  [/\b(current|checking|cheque)\b/i, "current"],
  [/\bsaving/i, "savings"],
  [/\bcredit/i, "credit"],
];

/** "checking", "Current account", "my savings" → the API's account type. */
export function accountTypeOf(input: IntentInput, slot: string): AccountType | undefined {
  const text = slotValue(input, slot);
  if (text === undefined) return undefined;
  return ACCOUNT_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

export const ACCOUNT_LABEL: Readonly<Record<AccountType, string>> = {
  current: "current",
  savings: "savings",
  credit: "credit card",
};

export function money(amount: number, currency = "GBP"): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(amount);
}

/** An amount with no currency named, for when the bank could not say which one it is in. */
export function plainAmount(amount: number): string {
  return new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    amount,
  );
}

export type Priority = "Normal" | "High" | "Critical";

/** Attributes that tell the contact flow to hand the contact to a queue. */
export function transferAttributes(
  queue: string,
  reason: string,
  priority: Priority,
): Record<string, string> {
  return {
    [OUTPUT_ATTRIBUTES.escalate]: "true",
    [OUTPUT_ATTRIBUTES.targetQueue]: queue,
    [OUTPUT_ATTRIBUTES.transferReason]: reason,
    [OUTPUT_ATTRIBUTES.priority]: priority,
  };
}

/** A key that is the same for every retry of one turn, so the bank can de-duplicate. */
export function idempotencyKey(input: IntentInput, parts: readonly (string | number)[]): string {
  return [input.sessionId, input.intentName, ...parts].join(":");
}
