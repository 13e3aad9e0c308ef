import { close, delegate, elicitSlot } from "../../lex/reply";
import { slotValue } from "../../lex/turn";
import { ACCOUNT_LABEL, accountTypeOf, money, verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";

const DEFAULT_DAYS = 7;
const MAX_DAYS = 90;
/** Three items is what a caller can follow when it is read aloud. */
const READ_OUT = 3;

export const transactionHistory: IntentHandler = async (input, { ports }) => {
  const account = accountTypeOf(input, "AccountType");
  if (account === undefined) {
    return elicitSlot(
      input,
      "AccountType",
      "Which account's transactions would you like: current, savings or credit card?",
    );
  }
  const rawDays = slotValue(input, "DateRange");
  const days = rawDays === undefined ? DEFAULT_DAYS : Number(rawDays);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    return elicitSlot(
      input,
      "DateRange",
      `How many days back should I look? Any number from 1 to ${MAX_DAYS}.`,
    );
  }
  if (input.source === "DialogCodeHook") return delegate(input);

  const transactions = await ports.banking.getTransactions(verifiedCustomer(input), account, days);
  const label = ACCOUNT_LABEL[account];
  if (transactions.length === 0) {
    return close(
      input,
      "Fulfilled",
      `There are no transactions on your ${label} account in the last ${days} days.`,
    );
  }
  const items = transactions
    .slice(0, READ_OUT)
    .map(
      (t) =>
        `${t.amount < 0 ? "a payment of" : "a credit of"} ${money(Math.abs(t.amount), t.currency)} to ${t.description} on ${t.date}`,
    );
  return close(
    input,
    "Fulfilled",
    `Your latest ${label} transactions are: ${items.join("; ")}. You can ask for a statement for the full list.`,
  );
};
