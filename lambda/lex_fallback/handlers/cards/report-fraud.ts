import { close } from "../../lex/reply";
import { transferAttributes } from "../common";
import type { IntentHandler } from "../types";
import { raiseFraudAlert, subjectId } from "./fraud-alert";

/** Never gated by authentication: a fraud report always reaches the fraud team, on the first hook. */
export const reportFraud: IntentHandler = async (input, deps) => {
  await raiseFraudAlert(
    input,
    deps,
    {
      alertType: "FRAUD_REPORTED",
      severity: "CRITICAL",
      customerId: subjectId(input),
      sessionId: input.sessionId,
      authenticated: input.caller.authenticated,
      cardsBlocked: 0,
    },
    "FRAUD_REPORTED",
  );
  return close(
    input,
    "Fulfilled",
    "I'm connecting you now to our fraud team, who are available 24 hours a day. Please stay on the line.",
    { attributes: transferAttributes(deps.config.fraudQueue, "FraudReport", "Critical") },
  );
};
