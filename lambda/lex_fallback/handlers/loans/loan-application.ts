import { close, elicitSlot } from "../../lex/reply";
import { amountValue, slotValue } from "../../lex/turn";
import { money, transferAttributes } from "../common";
import type { IntentHandler } from "../types";

/** Lending is advised business: the bot collects the basics and hands over to a specialist. */
export const loanApplication: IntentHandler = async (input, deps) => {
  const loanType = slotValue(input, "LoanType");
  if (loanType === undefined) {
    return elicitSlot(
      input,
      "LoanType",
      "What kind of loan are you interested in: a personal loan, a mortgage or a business loan?",
    );
  }
  const amount = amountValue(input, "LoanAmount");
  if (amount === undefined)
    return elicitSlot(input, "LoanAmount", `Roughly how much would you like to borrow for the ${loanType}?`);

  return close(
    input,
    "Fulfilled",
    `Thank you. I'm transferring you to a lending specialist to talk through a ${loanType} of about ${money(amount)}.`,
    {
      attributes: {
        ...transferAttributes(deps.config.lendingQueue, "LoanApplication", "Normal"),
        loanType,
        loanAmount: String(amount),
      },
    },
  );
};
