import { close } from "../../lex/reply";
import { transferAttributes } from "../common";
import type { IntentHandler } from "../types";

export const transferToAgent: IntentHandler = async (input, deps) =>
  close(input, "Fulfilled", "Of course. I'm connecting you to a colleague now. Please hold.", {
    attributes: transferAttributes(deps.config.agentQueue, "CustomerRequest", "Normal"),
  });
