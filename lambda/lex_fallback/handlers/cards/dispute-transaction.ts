import { close, delegate, elicitSlot } from "../../lex/reply";
import { amountValue, slotValue } from "../../lex/turn";
import { money, verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";

/** Card schemes accept disputes for about 120 days after the transaction. */
const DISPUTE_WINDOW_DAYS = 120;
const DAY_MS = 86_400_000;

export const disputeTransaction: IntentHandler = async (input, { ports }) => {
  const amount = amountValue(input, "TransactionAmount");
  if (amount === undefined) {
    return elicitSlot(
      input,
      "TransactionAmount",
      "What was the amount of the transaction you want to dispute?",
    );
  }
  const date = slotValue(input, "TransactionDate");
  const when =
    date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  const age = (ports.now().getTime() - when) / DAY_MS;
  if (Number.isNaN(when) || age < -1 || age > DISPUTE_WINDOW_DAYS) {
    return elicitSlot(
      input,
      "TransactionDate",
      `On what date was the transaction? It needs to be within the last ${DISPUTE_WINDOW_DAYS} days.`,
    );
  }
  if (input.source === "DialogCodeHook") return delegate(input);

  const { caseId } = await ports.banking.createDispute(verifiedCustomer(input), amount, date as string);
  return close(
    input,
    "Fulfilled",
    `I've opened dispute ${caseId} for the ${money(amount)} transaction on ${date}. Our disputes team will update you within ten working days.`,
  );
};
