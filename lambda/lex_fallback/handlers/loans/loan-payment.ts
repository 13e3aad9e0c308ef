import { elicitSlot } from "../../lex/reply";
import { amountValue, slotValue } from "../../lex/turn";
import { idempotencyKey, verifiedCustomer } from "../common";
import { confirmAndMove } from "../transfers/confirm-and-move";
import type { IntentHandler } from "../types";

export const loanPayment: IntentHandler = async (input, deps) => {
  const loanType = slotValue(input, "LoanType");
  if (loanType === undefined)
    return elicitSlot(input, "LoanType", "Which loan would you like to pay towards?");
  const amount = amountValue(input, "PaymentAmount");
  if (amount === undefined)
    return elicitSlot(input, "PaymentAmount", `How much would you like to pay towards your ${loanType}?`);

  return confirmAndMove(
    input,
    deps,
    verifiedCustomer(input),
    "current",
    (said) => `That's a payment of ${said} from your current account to your ${loanType}.`,
    {
      kind: "loan",
      from: "current",
      to: loanType,
      amount,
      idempotencyKey: idempotencyKey(input, [loanType, amount]),
    },
    (reference) =>
      `Done. Your payment to your ${loanType} will show by tomorrow. The reference is ${reference}.`,
  );
};
