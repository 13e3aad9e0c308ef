import type { BotDefinition } from "../types";
import { type Finding, intentFinding } from "./finding";

export const id = "unique-utterances";

/** Lex compares utterances without case and extra spaces; so do we. */
export function normaliseUtterance(utterance: string): string {
  return utterance.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Each utterance appears once across a locale's intents. A duplicate inside one intent fails the
 * build; across intents it makes NLU pick arbitrarily between them.
 */
export function check(bot: BotDefinition): Finding[] {
  const findings: Finding[] = [];
  for (const locale of bot.locales) {
    const owner = new Map<string, string>();
    for (const intent of locale.intents) {
      for (const utterance of intent.utterances) {
        const key = normaliseUtterance(utterance);
        const first = owner.get(key);
        if (first === undefined) {
          owner.set(key, intent.name);
          continue;
        }
        const where = first === intent.name ? "twice in this intent" : `also in intent "${first}"`;
        findings.push(
          intentFinding(
            id,
            bot,
            locale,
            intent,
            `utterance "${utterance}" appears ${where}; keep it in one intent only`,
          ),
        );
      }
    }
  }
  return findings;
}
