import { RateLimitedError } from "../../auth/rate-limit";
import { close, confirmIntent, delegate } from "../../lex/reply";
import type { LexResponse } from "../../lex/response";
import type { IntentInput } from "../../lex/turn";
import type { AccountType, MoneyMovement } from "../../ports";
import { logger } from "../../shared/logger";
import { money, plainAmount } from "../common";
import type { Deps } from "../types";

/**
 * The amount as the bank will move it: in the currency of the account it leaves, which the bank
 * names with that account's balance, formatted as balances are. If the bank cannot say, the amount
 * is read without a currency rather than in a guessed one. Only the confirmation asks, so the
 * payment itself never depends on the balance service.
 */
async function amountFrom(
  deps: Deps,
  customerId: string,
  account: AccountType,
  amount: number,
): Promise<string> {
  try {
    const { currency } = await deps.ports.banking.getBalance(customerId, account);
    return money(amount, currency);
  } catch (error) {
    if (error instanceof RateLimitedError) throw error;
    logger.warn("account currency unavailable; amount read without one", { account, error });
    return plainAmount(amount);
  }
}

/**
 * Money moves only after the caller said yes to the exact summary: ConfirmIntent until
 * `confirmationState` is Confirmed, Close on Denied, then one call with an idempotency key.
 * `summary` gets the amount as it is read out; `account` is the one the money leaves.
 */
export async function confirmAndMove(
  input: IntentInput,
  deps: Deps,
  customerId: string,
  account: AccountType,
  summary: (amount: string) => string,
  movement: MoneyMovement,
  done: (reference: string) => string,
): Promise<LexResponse> {
  if (input.confirmationState === "Denied") {
    return close(input, "Failed", "Okay, I haven't moved any money. Is there anything else I can help with?");
  }
  if (input.confirmationState !== "Confirmed") {
    const amount = await amountFrom(deps, customerId, account, movement.amount);
    return confirmIntent(input, `${summary(amount)} Shall I go ahead?`);
  }
  if (input.source === "DialogCodeHook") return delegate(input);
  const { reference } = await deps.ports.banking.moveMoney(customerId, movement);
  return close(input, "Fulfilled", done(reference));
}
