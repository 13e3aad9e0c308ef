import { z } from "zod";

export const lexSchema = z.object({
  /** Seconds a Lex session stays open without input. */
  idleSessionTtlSeconds: z.number().int().min(60).max(86400).default(300),
  /** NLU confidence below which Lex falls back to FallbackIntent. */
  nluConfidenceThreshold: z.number().min(0).max(1).default(0.4),
  /** Extra locale on the gateway bot (the original adds en_US beside the main locale). */
  gatewaySecondaryLocale: z.enum(["en_GB", "en_US"]).default("en_US"),
  /** Voice of the secondary locale. */
  secondaryVoiceId: z.string().min(1).default("Joanna"),
  /** Alias name of every bot (the original uses "prod"). */
  aliasName: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .default("prod"),
  /** Sentiment analysis on every alias (flows read $.Lex.SentimentResponse; needs comprehend:DetectSentiment). */
  detectSentiment: z.boolean().default(true),
  /** Seconds each locale build (AWS CLI, run by terraform apply) may take before the apply fails. */
  buildTimeoutSeconds: z.number().int().min(60).max(3600).default(600),
});
