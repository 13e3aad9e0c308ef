import * as codeHookIntentsHandled from "./code-hook-intents-handled";
import type { BotCheck, Finding } from "./finding";
import * as handledIntentsPresent from "./handled-intents-present";
import * as handlerSlotsPresent from "./handler-slots-present";
import * as hookOnlySlotsOptional from "./hook-only-slots-optional";
import * as requiredSlotPrompts from "./required-slot-prompts";
import * as slotReferences from "./slot-references";
import * as slotTypesDefined from "./slot-types-defined";
import * as uniqueIntentNames from "./unique-intent-names";
import * as uniqueUtterances from "./unique-utterances";
import type { BotDefinition } from "../types";

export { formatFinding, type BotCheck, type Finding } from "./finding";
export { normaliseUtterance } from "./unique-utterances";

/** Checks every bot definition passes, whatever it is wired to. */
export const STRUCTURAL_CHECKS: Readonly<Record<string, BotCheck>> = {
  [uniqueIntentNames.id]: uniqueIntentNames.check,
  [uniqueUtterances.id]: uniqueUtterances.check,
  [slotReferences.id]: slotReferences.check,
  [requiredSlotPrompts.id]: requiredSlotPrompts.check,
  [slotTypesDefined.id]: slotTypesDefined.check,
};

/** Checks of a bot whose aliases call a code-hook Lambda serving `handledIntents`. */
export function codeHookChecks(handledIntents: readonly string[]): BotCheck[] {
  return [codeHookIntentsHandled.checkWith(handledIntents)];
}

/**
 * Checks of the bot that owns the Lambda's intents: all of them present, with the slots each
 * handler reads or elicits, and the slots only the hook may elicit (`hookOnlySlots`) optional.
 */
export function ownerChecks(
  handledIntents: readonly string[],
  slotsByIntent: Readonly<Record<string, readonly string[]>>,
  hookOnlySlots: readonly string[] = [],
): BotCheck[] {
  return [
    handledIntentsPresent.checkWith(handledIntents),
    handlerSlotsPresent.checkWith(slotsByIntent),
    hookOnlySlotsOptional.checkWith(hookOnlySlots),
  ];
}

/** Run checks over a bot; structural ones always run first. */
export function runChecks(bot: BotDefinition, extra: readonly BotCheck[] = []): Finding[] {
  return [...Object.values(STRUCTURAL_CHECKS), ...extra].flatMap((check) => check(bot));
}
