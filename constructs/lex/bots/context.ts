import type { LocaleId } from "../types";

/** What bot definitions take from configuration. */
export interface BotContext {
  /** Prefix of every bot name, e.g. `connect-comprehensive-dev`. */
  readonly namePrefix: string;
  /** Main locale (config `locale`). */
  readonly locale: LocaleId;
  /** Polly voice of the main locale (config `voiceId`). */
  readonly voiceId: string;
  /** Second locale of the gateway bot (config `lex.gatewaySecondaryLocale`). */
  readonly secondaryLocale: LocaleId;
  /** Polly voice of the second locale (config `lex.secondaryVoiceId`). */
  readonly secondaryVoiceId: string;
  /** NLU confidence threshold of every locale (config `lex.nluConfidenceThreshold`). */
  readonly nluConfidenceThreshold: number;
}
