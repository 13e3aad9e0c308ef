import { OUTPUT_ATTRIBUTES } from "../../contract";
import { close, elicitIntent } from "../../lex/reply";
import { logger } from "../../shared/logger";
import { emitAiMetrics, llmMetrics } from "../../shared/metrics";
import { transferAttributes } from "../common";
import type { IntentHandler } from "../types";

/** After this many unanswered turns in a row the caller goes to a person. */
export const MAX_FALLBACKS = 3;

export const HELP =
  "I can help with balances, cards, payments and loans, or you can say 'agent' to speak to a colleague.";

/**
 * Unknown or low-confidence input: a guarded LLM answer when one is available, otherwise a polite
 * re-prompt that offers an agent; never guesses an intent on the caller's behalf.
 */
export const fallback: IntentHandler = async (input, deps) => {
  const previous = Number.parseInt(input.attributes[OUTPUT_ATTRIBUTES.fallbackCount] ?? "0", 10);
  const misses = (Number.isFinite(previous) && previous > 0 ? previous : 0) + 1;
  if (misses >= MAX_FALLBACKS) {
    return close(
      input,
      "Fulfilled",
      "Let me put you through to a colleague who can help with that. Please hold.",
      {
        attributes: {
          ...transferAttributes(deps.config.agentQueue, "RepeatedNoMatch", "Normal"),
          [OUTPUT_ATTRIBUTES.fallbackCount]: "0",
        },
      },
    );
  }
  const question = input.transcript.trim();
  if (question.length > 0) {
    try {
      const answer = await deps.ports.llm.answer(question, input.localeId);
      emitAiMetrics(deps.config.aiMetricsNamespace, llmMetrics());
      return elicitIntent(input, `${answer} Is there anything else I can help with?`, {
        attributes: { [OUTPUT_ATTRIBUTES.fallbackCount]: "0" },
      });
    } catch (error) {
      emitAiMetrics(deps.config.aiMetricsNamespace, llmMetrics(error));
      logger.warn("llm fallback unavailable", { error });
    }
  }
  return elicitIntent(input, `Sorry, I didn't quite get that. ${HELP}`, {
    attributes: { [OUTPUT_ATTRIBUTES.fallbackCount]: String(misses) },
  });
};
