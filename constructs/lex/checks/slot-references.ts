import type { BotDefinition } from "../types";
import { type Finding, intentFinding } from "./finding";

export const id = "slot-references";

const SLOT_REFERENCE = /\{([^{}]*)\}/g;

/** Every `{Slot}` in an intent's utterances names a slot of that intent (else the build fails). */
export function check(bot: BotDefinition): Finding[] {
  const findings: Finding[] = [];
  for (const locale of bot.locales) {
    for (const intent of locale.intents) {
      const slots = new Set((intent.slots ?? []).map((slot) => slot.name));
      for (const utterance of intent.utterances) {
        for (const match of utterance.matchAll(SLOT_REFERENCE)) {
          const name = match[1] ?? "";
          if (!slots.has(name)) {
            const known = slots.size > 0 ? [...slots].join(", ") : "none";
            findings.push(
              intentFinding(
                id,
                bot,
                locale,
                intent,
                `utterance "${utterance}" references {${name}}, which is not a slot of this intent (slots: ${known})`,
              ),
            );
          }
        }
      }
    }
  }
  return findings;
}
