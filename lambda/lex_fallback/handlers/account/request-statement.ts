import { close, delegate, elicitSlot } from "../../lex/reply";
import { slotValue } from "../../lex/turn";
import { ACCOUNT_LABEL, accountTypeOf, verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";

function deliveryOf(text: string | undefined): "email" | "post" | undefined {
  if (text === undefined) return "email";
  if (/e-?mail|online|electronic/i.test(text)) return "email";
  if (/post|mail|paper|letter/i.test(text)) return "post";
  return undefined;
}

export const requestStatement: IntentHandler = async (input, { ports }) => {
  const account = accountTypeOf(input, "AccountType");
  if (account === undefined) {
    return elicitSlot(
      input,
      "AccountType",
      "Which account would you like a statement for: current, savings or credit card?",
    );
  }
  const delivery = deliveryOf(slotValue(input, "DeliveryMethod"));
  if (delivery === undefined) {
    return elicitSlot(input, "DeliveryMethod", "Should I send it by email or by post?");
  }
  if (input.source === "DialogCodeHook") return delegate(input);

  await ports.banking.requestStatement(verifiedCustomer(input), account, delivery);
  const label = ACCOUNT_LABEL[account];
  const text =
    delivery === "email"
      ? `I've requested your ${label} statement. It will arrive at your registered email address within the hour.`
      : `I've requested your ${label} statement by post. Please allow five to seven working days.`;
  return close(input, "Fulfilled", text);
};
