import { close } from "../../lex/reply";
import type { IntentHandler } from "../types";

/** A PIN is never set over the phone or chat: the caller is pointed to the secure channels. */
export const changePin: IntentHandler = async (input) =>
  close(
    input,
    "Fulfilled",
    "For your security I can't change a PIN here. You can change it at any of our cash machines with your current PIN, or in the banking app under Cards, then Change PIN.",
  );
