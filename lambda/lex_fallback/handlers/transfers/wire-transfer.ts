import { close } from "../../lex/reply";
import { transferAttributes } from "../common";
import type { IntentHandler } from "../types";

/** International payments need sanctions and beneficiary checks that only a specialist can do. */
export const wireTransfer: IntentHandler = async (input, deps) =>
  close(
    input,
    "Fulfilled",
    "International payments are handled by our specialists, who will help with the beneficiary's bank details. I'm transferring you now.",
    { attributes: transferAttributes(deps.config.accountsQueue, "WireTransfer", "Normal") },
  );
