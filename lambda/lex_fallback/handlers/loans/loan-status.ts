import { close, delegate, elicitSlot } from "../../lex/reply";
import { slotValue } from "../../lex/turn";
import { money, verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";

export const loanStatus: IntentHandler = async (input, { ports }) => {
  const loanType = slotValue(input, "LoanType");
  if (loanType === undefined)
    return elicitSlot(
      input,
      "LoanType",
      "Which loan would you like to check: your mortgage or a personal loan?",
    );
  if (input.source === "DialogCodeHook") return delegate(input);

  const loan = await ports.banking.getLoan(verifiedCustomer(input), loanType);
  if (loan === undefined) {
    return elicitSlot(input, "LoanType", `I can't find a ${loanType} in your name. Which loan did you mean?`);
  }
  return close(
    input,
    "Fulfilled",
    `Your ${loanType} has ${money(loan.outstanding, loan.currency)} outstanding. The next payment of ${money(loan.nextPaymentAmount, loan.currency)} is due on ${loan.nextPaymentDate}.`,
  );
};
