import type { BotDefinition } from "../types";
import { type Finding, intentFinding } from "./finding";

export const id = "slot-types-defined";

/** Each slot's type is a built-in (`AMAZON.*`) or a custom slot type of the same locale. */
export function check(bot: BotDefinition): Finding[] {
  const findings: Finding[] = [];
  for (const locale of bot.locales) {
    const custom = new Set((locale.slotTypes ?? []).map((type) => type.name));
    for (const intent of locale.intents) {
      for (const slot of intent.slots ?? []) {
        if (!slot.type.startsWith("AMAZON.") && !custom.has(slot.type)) {
          findings.push(
            intentFinding(
              id,
              bot,
              locale,
              intent,
              `slot "${slot.name}" uses type "${slot.type}", which is neither built-in nor a slot type of this locale`,
            ),
          );
        }
      }
    }
  }
  return findings;
}
