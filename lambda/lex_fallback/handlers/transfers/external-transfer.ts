import { close, elicitSlot } from "../../lex/reply";
import { amountValue, slotValue } from "../../lex/turn";
import { idempotencyKey, transferAttributes, verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";
import { confirmAndMove } from "./confirm-and-move";

/** Payments above this go to an agent for extra checks. */
export const EXTERNAL_SELF_SERVICE_LIMIT = 10_000;
/** Faster Payments carries an 18-character reference. */
const MAX_REFERENCE = 18;

export const externalTransfer: IntentHandler = async (input, deps) => {
  const payee = slotValue(input, "Payee");
  if (payee === undefined) return elicitSlot(input, "Payee", "Which saved payee would you like to pay?");
  const amount = amountValue(input, "Amount");
  if (amount === undefined)
    return elicitSlot(input, "Amount", `How much would you like to send to ${payee}?`);
  if (amount > EXTERNAL_SELF_SERVICE_LIMIT) {
    return close(
      input,
      "Fulfilled",
      // Said without an amount: the limit applies in the paying account's currency, not a fixed one.
      "A payment this large needs a colleague to check a few details. I'm transferring you now.",
      {
        attributes: transferAttributes(deps.config.agentQueue, "LargeExternalPayment", "High"),
      },
    );
  }
  const reference = slotValue(input, "Reference");
  if (reference === undefined || reference.length > MAX_REFERENCE) {
    return elicitSlot(
      input,
      "Reference",
      `What reference should the payment show? Up to ${MAX_REFERENCE} characters.`,
    );
  }

  return confirmAndMove(
    input,
    deps,
    verifiedCustomer(input),
    "current",
    (said) => `That's ${said} to ${payee} with reference ${reference}.`,
    {
      kind: "external",
      from: "current",
      to: payee,
      amount,
      reference,
      idempotencyKey: idempotencyKey(input, [payee, amount, reference]),
    },
    (ref) =>
      `Done. Your payment to ${payee} is on its way and usually arrives within two hours. The reference is ${ref}.`,
  );
};
