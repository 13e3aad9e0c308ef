import { close, delegate, elicitSlot, ssmlDigits } from "../../lex/reply";
import { slotValue } from "../../lex/turn";
import { verifiedCustomer } from "../common";
import type { IntentHandler } from "../types";

export const activateCard: IntentHandler = async (input, { ports }) => {
  const last4 = slotValue(input, "CardLastFour")?.replace(/\s/g, "");
  if (last4 === undefined || !/^\d{4}$/.test(last4)) {
    return elicitSlot(
      input,
      "CardLastFour",
      "Please tell me or key in the last four digits of the new card.",
    );
  }
  if (input.source === "DialogCodeHook") return delegate(input);

  const result = await ports.banking.activateCard(verifiedCustomer(input), last4);
  if (result === "not_found") {
    return elicitSlot(
      input,
      "CardLastFour",
      "I couldn't find a new card ending in those digits. Please check the card and tell me the last four digits again.",
    );
  }
  const text =
    result === "already_active"
      ? `Your card ending in ${last4} is already active.`
      : `Your card ending in ${last4} is now active and ready to use.`;
  return close(input, "Fulfilled", text, { ssml: text.replace(last4, ssmlDigits(last4)) });
};
