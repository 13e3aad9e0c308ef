import type { BotDefinition } from "../types";
import { type BotCheck, type Finding, intentFinding } from "./finding";

export const id = "handler-slots-present";

/**
 * Slots a handler reads or elicits exist on the bot's intent: ElicitSlot on an unknown slot fails
 * the turn at runtime, so catch it at synth.
 */
export function checkWith(slotsByIntent: Readonly<Record<string, readonly string[]>>): BotCheck {
  return (bot: BotDefinition): Finding[] => {
    const findings: Finding[] = [];
    for (const locale of bot.locales) {
      for (const intent of locale.intents) {
        const defined = new Set((intent.slots ?? []).map((slot) => slot.name));
        for (const slot of slotsByIntent[intent.name] ?? []) {
          if (!defined.has(slot)) {
            findings.push(
              intentFinding(
                id,
                bot,
                locale,
                intent,
                `lacks slot "${slot}", which its Lambda handler reads or elicits`,
              ),
            );
          }
        }
      }
    }
    return findings;
  };
}
