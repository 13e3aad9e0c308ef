import { elicitSlot } from "../../lex/reply";
import { amountValue } from "../../lex/turn";
import { ACCOUNT_LABEL, accountTypeOf, idempotencyKey, verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";
import { confirmAndMove } from "./confirm-and-move";

export const internalTransfer: IntentHandler = async (input, deps) => {
  const from = accountTypeOf(input, "FromAccount");
  if (from === undefined)
    return elicitSlot(
      input,
      "FromAccount",
      "Which account should the money come from: current, savings or credit card?",
    );
  const to = accountTypeOf(input, "ToAccount");
  if (to === undefined || to === from) {
    return elicitSlot(
      input,
      "ToAccount",
      `Which of your other accounts should it go to? It can't be the ${ACCOUNT_LABEL[from]} account.`,
    );
  }
  const amount = amountValue(input, "Amount");
  if (amount === undefined) return elicitSlot(input, "Amount", "How much would you like to move?");

  const customerId = verifiedCustomer(input);
  return confirmAndMove(
    input,
    deps,
    customerId,
    from,
    (said) => `That's ${said} from your ${ACCOUNT_LABEL[from]} account to your ${ACCOUNT_LABEL[to]} account.`,
    { kind: "internal", from, to, amount, idempotencyKey: idempotencyKey(input, [from, to, amount]) },
    (reference) =>
      `Done. The money is now in your ${ACCOUNT_LABEL[to]} account. The reference is ${reference}.`,
  );
};
