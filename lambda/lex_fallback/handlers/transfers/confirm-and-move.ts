import { close, confirmIntent, delegate } from "../../lex/reply";
import type { LexResponse } from "../../lex/response";
import type { IntentInput } from "../../lex/turn";
import type { MoneyMovement } from "../../ports";
import type { Deps } from "../types";

/**
 * Money moves only after the caller said yes to the exact summary: ConfirmIntent until
 * `confirmationState` is Confirmed, Close on Denied, then one call with an idempotency key.
 */
export async function confirmAndMove(
  input: IntentInput,
  deps: Deps,
  customerId: string,
  summary: string,
  movement: MoneyMovement,
  done: (reference: string) => string,
): Promise<LexResponse> {
  if (input.confirmationState === "Denied") {
    return close(input, "Failed", "Okay, I haven't moved any money. Is there anything else I can help with?");
  }
  if (input.confirmationState !== "Confirmed") return confirmIntent(input, `${summary} Shall I go ahead?`);
  if (input.source === "DialogCodeHook") return delegate(input);
  const { reference } = await deps.ports.banking.moveMoney(customerId, movement);
  return close(input, "Fulfilled", done(reference));
}
