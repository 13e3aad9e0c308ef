import type { BotDefinition } from "../types";
import { type Finding, intentFinding } from "./finding";

export const id = "unique-intent-names";

/** Intent names are unique per locale (Lex rejects the second CreateIntent). */
export function check(bot: BotDefinition): Finding[] {
  const findings: Finding[] = [];
  for (const locale of bot.locales) {
    const seen = new Set<string>();
    for (const intent of locale.intents) {
      if (seen.has(intent.name)) {
        findings.push(
          intentFinding(id, bot, locale, intent, "is defined twice in this locale; rename or merge one"),
        );
      }
      seen.add(intent.name);
    }
  }
  return findings;
}
