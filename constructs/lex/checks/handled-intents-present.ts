import type { BotDefinition } from "../types";
import type { BotCheck, Finding } from "./finding";

export const id = "handled-intents-present";

/**
 * Every intent the Lambda serves exists in each locale of the bot that owns it, so the Lambda and
 * the bot cannot drift apart (one list, lambda/lex_fallback/intents.ts, for both).
 */
export function checkWith(handledIntents: readonly string[]): BotCheck {
  return (bot: BotDefinition): Finding[] => {
    const findings: Finding[] = [];
    for (const locale of bot.locales) {
      const present = new Set(locale.intents.map((intent) => intent.name));
      for (const name of handledIntents) {
        if (!present.has(name)) {
          findings.push({
            check: id,
            bot: bot.name,
            locale: locale.localeId,
            intent: name,
            message:
              "is handled by the Lambda (HANDLED_INTENTS) but missing from this locale; define it in the bot",
          });
        }
      }
    }
    return findings;
  };
}
