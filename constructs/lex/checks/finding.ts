import type { BotDefinition, IntentDefinition, LocaleDefinition } from "../types";

/** One problem in a bot definition, located by bot, locale and intent. */
export interface Finding {
  /** Id of the check that reported it (its file name). */
  readonly check: string;
  readonly bot: string;
  readonly locale?: string;
  readonly intent?: string;
  readonly message: string;
}

/** A pure check over one bot definition. */
export type BotCheck = (bot: BotDefinition) => Finding[];

/** Finding for an intent of a locale. */
export function intentFinding(
  check: string,
  bot: BotDefinition,
  locale: LocaleDefinition,
  intent: IntentDefinition,
  message: string,
): Finding {
  return { check, bot: bot.name, locale: locale.localeId, intent: intent.name, message };
}

/** `Lex bot "x" locale en_GB intent "Y": message [check]`: what synth errors print. */
export function formatFinding(finding: Finding): string {
  const where = [
    `Lex bot "${finding.bot}"`,
    finding.locale === undefined ? undefined : `locale ${finding.locale}`,
    finding.intent === undefined ? undefined : `intent "${finding.intent}"`,
  ]
    .filter((part): part is string => part !== undefined)
    .join(" ");
  return `${where}: ${finding.message} [${finding.check}]`;
}
