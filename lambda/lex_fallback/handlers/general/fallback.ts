import { withinLimits } from "../../auth/rate-limit";
import { OUTPUT_ATTRIBUTES } from "../../contract";
import { close, elicitIntent } from "../../lex/reply";
import { logger } from "../../shared/logger";
import { maskDigitRuns } from "../../shared/mask";
import { emitAiMetrics, llmMetrics } from "../../shared/metrics";
import { transferAttributes } from "../common";
import type { IntentHandler } from "../types";

/** After this many unanswered turns in a row the caller goes to a person. */
export const MAX_FALLBACKS = 3;

/** Longest question sent to the model: a caller's question fits; a pasted document does not. */
export const MAX_QUESTION_CHARS = 500;

/**
 * The transcript as the model sees it: digit runs masked (a PIN or card number said in a fallback
 * turn must not leave the account), whitespace collapsed, cut at a word boundary.
 */
export function boundedQuestion(transcript: string): string {
  const text = maskDigitRuns(transcript.replace(/\s+/g, " ").trim());
  if (text.length <= MAX_QUESTION_CHARS) return text;
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  const space = cut.lastIndexOf(" ");
  return space > MAX_QUESTION_CHARS / 2 ? cut.slice(0, space) : cut;
}

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
  const question = boundedQuestion(input.transcript);
  if (
    question.length > 0 &&
    !(await withinLimits(deps, input.contactId, input.caller.customerId, "llm", input.intentName))
  ) {
    return elicitIntent(input, `I can't answer more general questions on this call. ${HELP}`, {
      attributes: { [OUTPUT_ATTRIBUTES.fallbackCount]: String(misses) },
    });
  }
  if (question.length > 0) {
    try {
      const answer = await deps.ports.llm.answer(question, input.localeId);
      emitAiMetrics(deps.ports.metrics, deps.config.aiMetricsNamespace, llmMetrics());
      return elicitIntent(input, `${answer} Is there anything else I can help with?`, {
        attributes: { [OUTPUT_ATTRIBUTES.fallbackCount]: "0" },
      });
    } catch (error) {
      emitAiMetrics(deps.ports.metrics, deps.config.aiMetricsNamespace, llmMetrics(error));
      logger.warn("llm fallback unavailable", { error });
    }
  }
  return elicitIntent(input, `Sorry, I didn't quite get that. ${HELP}`, {
    attributes: { [OUTPUT_ATTRIBUTES.fallbackCount]: String(misses) },
  });
};
