import type { BotDefinition } from "../types";
import { type BotCheck, type Finding, intentFinding } from "./finding";

export const id = "hook-only-slots-optional";

/**
 * Slots only the code hook may ask for (the PIN) stay optional. Lex itself elicits a required
 * slot, with the slot's prompt, once the hook delegates, on every channel: a required PIN slot
 * would ask a chat customer for the PIN that the hook never asks for in text.
 */
export function checkWith(slots: readonly string[]): BotCheck {
  const hookOnly = new Set(slots);
  return (bot: BotDefinition): Finding[] =>
    bot.locales.flatMap((locale) =>
      locale.intents.flatMap((intent) =>
        (intent.slots ?? [])
          .filter((slot) => hookOnly.has(slot.name) && slot.required)
          .map((slot) =>
            intentFinding(
              id,
              bot,
              locale,
              intent,
              `slot "${slot.name}" is required, so Lex would ask for it on its own, in chat too; only the code hook may elicit it: make it optional`,
            ),
          ),
      ),
    );
}
