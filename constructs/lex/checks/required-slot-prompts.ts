import type { BotDefinition } from "../types";
import { type Finding, intentFinding } from "./finding";

export const id = "required-slot-prompts";

/** A required slot needs an elicitation prompt: Lex has nothing to ask otherwise. */
export function check(bot: BotDefinition): Finding[] {
  const findings: Finding[] = [];
  for (const locale of bot.locales) {
    for (const intent of locale.intents) {
      for (const slot of intent.slots ?? []) {
        if (slot.required && (slot.prompt ?? "").trim() === "") {
          findings.push(
            intentFinding(
              id,
              bot,
              locale,
              intent,
              `required slot "${slot.name}" has no prompt; add one or make it optional`,
            ),
          );
        }
      }
    }
  }
  return findings;
}
