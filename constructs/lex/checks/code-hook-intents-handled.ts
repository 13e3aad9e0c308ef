import type { BotDefinition } from "../types";
import { type BotCheck, type Finding, intentFinding } from "./finding";

export const id = "code-hook-intents-handled";

/**
 * An intent that calls the code hook must be one the Lambda serves (lambda/lex_fallback/intents.ts);
 * otherwise callers reach a Lambda branch that does not exist.
 */
export function checkWith(handledIntents: readonly string[]): BotCheck {
  const handled = new Set(handledIntents);
  return (bot: BotDefinition): Finding[] => {
    const findings: Finding[] = [];
    for (const locale of bot.locales) {
      for (const intent of locale.intents) {
        const hooked = intent.dialogCodeHook === true || intent.fulfillmentCodeHook === true;
        if (hooked && !handled.has(intent.name)) {
          findings.push(
            intentFinding(
              id,
              bot,
              locale,
              intent,
              "calls the code hook but the Lambda does not handle it; add it to HANDLED_INTENTS in lambda/lex_fallback/intents.ts or turn its code hooks off",
            ),
          );
        }
      }
    }
    return findings;
  };
}
