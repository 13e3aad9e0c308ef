import { close } from "../../lex/reply";
import { slotValue } from "../../lex/turn";
import { logger } from "../../shared/logger";
import { transferAttributes } from "../common";
import type { IntentHandler } from "../types";
import { raiseFraudAlert, subjectId } from "./fraud-alert";

/**
 * Blocks the cards at once when the caller is verified (blocking for an unverified caller would let
 * anyone disable someone else's cards); always alerts and transfers to the fraud team.
 */
export const reportLostStolenCard: IntentHandler = async (input, deps) => {
  const cardType = slotValue(input, "CardType") ?? "all";
  let blocked = 0;
  if (input.caller.authenticated && input.caller.customerId !== undefined) {
    try {
      blocked = (await deps.ports.banking.blockCards(input.caller.customerId, cardType)).blocked;
    } catch (error) {
      logger.error("card block failed; fraud team will block", { error });
    }
  }
  await raiseFraudAlert(
    input,
    deps,
    {
      alertType: "CARD_LOST_STOLEN",
      severity: "HIGH",
      customerId: subjectId(input),
      sessionId: input.sessionId,
      authenticated: input.caller.authenticated,
      cardsBlocked: blocked,
    },
    "CARD_LOST_STOLEN",
  );
  const lead = blocked > 0 ? "I've blocked your card so it can't be used. " : "";
  return close(
    input,
    "Fulfilled",
    `${lead}I'm transferring you to our fraud team now to secure your account and order a replacement.`,
    {
      attributes: {
        ...transferAttributes(deps.config.fraudQueue, "LostStolenCard", "High"),
        cardBlocked: String(blocked > 0),
      },
    },
  );
};
