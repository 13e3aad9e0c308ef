import { close, delegate, elicitSlot, ssmlDigits } from "../../lex/reply";
import { ACCOUNT_LABEL, accountTypeOf, verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";

/** Reads the sort code and the last four digits only; the full number stays in the app. */
export const accountDetails: IntentHandler = async (input, { ports }) => {
  const account = accountTypeOf(input, "AccountType");
  if (account === undefined || account === "credit") {
    return elicitSlot(input, "AccountType", "Which account's details do you need: current or savings?");
  }
  if (input.source === "DialogCodeHook") return delegate(input);

  const details = await ports.banking.getAccountDetails(verifiedCustomer(input), account);
  const label = ACCOUNT_LABEL[account];
  const tail = "The full account number is in your banking app under account details.";
  return close(
    input,
    "Fulfilled",
    `Your ${label} account has sort code ${details.sortCode} and ends in ${details.accountLast4}. ${tail}`,
    {
      ssml: `Your ${label} account has sort code ${ssmlDigits(details.sortCode.replace(/\D/g, ""))} and ends in ${ssmlDigits(details.accountLast4)}. ${tail}`,
    },
  );
};
