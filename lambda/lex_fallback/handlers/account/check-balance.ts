import { close, delegate, elicitSlot, ssmlDigits } from "../../lex/reply";
import { ACCOUNT_LABEL, accountTypeOf, money, verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";

export const checkBalance: IntentHandler = async (input, { ports }) => {
  const account = accountTypeOf(input, "AccountType");
  if (account === undefined) {
    return elicitSlot(
      input,
      "AccountType",
      "Which account would you like the balance for: current, savings or credit card?",
    );
  }
  if (input.source === "DialogCodeHook") return delegate(input);

  const balance = await ports.banking.getBalance(verifiedCustomer(input), account);
  const available = money(balance.available, balance.currency);
  const current = money(balance.current, balance.currency);
  const lead = `Your ${ACCOUNT_LABEL[account]} account ending in`;
  const tail = `has an available balance of ${available} and a current balance of ${current}.`;
  return close(input, "Fulfilled", `${lead} ${balance.accountLast4} ${tail}`, {
    ssml: `${lead} ${ssmlDigits(balance.accountLast4)} ${tail}`,
  });
};
