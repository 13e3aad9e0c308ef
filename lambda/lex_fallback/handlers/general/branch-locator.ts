import { close, delegate, elicitSlot } from "../../lex/reply";
import { slotValue } from "../../lex/turn";
import type { IntentHandler } from "../types";

/** UK postcode, with or without the space. */
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

export const branchLocator: IntentHandler = async (input, { ports }) => {
  const postcode = slotValue(input, "Postcode");
  if (postcode === undefined || !POSTCODE.test(postcode)) {
    return elicitSlot(input, "Postcode", "What's the postcode you'd like the nearest branch to?");
  }
  if (input.source === "DialogCodeHook") return delegate(input);

  const branch = await ports.banking.findBranch(postcode.toUpperCase());
  if (branch === undefined) {
    return close(
      input,
      "Fulfilled",
      `I couldn't find a branch near ${postcode.toUpperCase()}. The branch finder in our app covers every location.`,
    );
  }
  return close(
    input,
    "Fulfilled",
    `Your nearest branch is ${branch.name}, ${branch.address}. It's open ${branch.hours}.`,
  );
};
