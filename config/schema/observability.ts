import { z } from "zod";
import { logRetentionDays } from "./common";

/**
 * Alarm thresholds. Defaults are the original stack's hard-coded alarm values (guide's for the new
 * alarms); config/environments/prod.ts tightens the customer-facing ones.
 */
export const thresholdsSchema = z.object({
  /** Errors of the Lex code-hook Lambda in 5 minutes (guide's absolute-count alarm). */
  lambdaErrors: z.number().int().min(1).default(10),
  /** Lambda errors as % of invocations over 5 minutes (original `lambda_error_rate`). */
  lambdaErrorRatePercent: z.number().min(0.1).max(100).default(5),
  /** Longest wait in a customer queue, seconds (original `queue_wait_time`). */
  queueWaitSeconds: z.number().int().min(10).default(300),
  /** Contacts waiting in a customer queue (original `queue_size`). */
  queueSize: z.number().int().min(1).default(10),
  /** Abandoned / (abandoned + handled) per queue over 5 minutes, % (original `queue_abandonment_rate`). */
  abandonmentRatePercent: z.number().min(1).max(100).default(20),
  /** Longest wait in the fraud queue, seconds: a caller reporting fraud must not wait like a balance query. */
  fraudQueueWaitSeconds: z.number().int().min(10).default(120),
  /** Contacts waiting in the fraud queue. */
  fraudQueueSize: z.number().int().min(1).default(5),
  /** Hallucination detection rate over 5 minutes, % (original `hallucination_rate_high`). */
  hallucinationRateHighPercent: z.number().min(0).max(100).default(10),
  /** Hallucination detection rate over 15 minutes, % (original `hallucination_rate_medium`). */
  hallucinationRateMediumPercent: z.number().min(0).max(100).default(5),
  /** Bedrock API errors per hour (original `bedrock_api_errors`). */
  bedrockApiErrors: z.number().int().min(1).default(10),
  /** Guardrail/validation timeouts per hour (original `validation_timeouts`). */
  validationTimeouts: z.number().int().min(1).default(5),
});

export const observabilitySchema = z
  .object({
    logRetentionDays: logRetentionDays.default(30),
    /** Namespace the code-hook Lambda publishes its AI metrics to (EMF). The original's name. */
    aiMetricsNamespace: z.string().min(1).default("Connect/BedrockMCP"),
    /**
     * Namespace of per-queue ContactsHandled / ContactsAbandoned counts derived from contact records.
     * AWS/Connect does not publish these to CloudWatch, so abandonment alarms read this namespace.
     */
    contactMetricsNamespace: z.string().min(1).default("ConnectComprehensive/ContactRecords"),
    /** Consecutive breaching 5-minute periods before a queue alarm fires (damps one-off spikes). */
    queueAlarmEvaluationPeriods: z.number().int().min(1).max(12).default(1),
    thresholds: thresholdsSchema.prefault({}),
  })
  .superRefine((o, ctx) => {
    if (o.thresholds.hallucinationRateMediumPercent > o.thresholds.hallucinationRateHighPercent) {
      ctx.addIssue({
        code: "custom",
        path: ["thresholds", "hallucinationRateMediumPercent"],
        message: `expected at most hallucinationRateHighPercent (${o.thresholds.hallucinationRateHighPercent}), got ${o.thresholds.hallucinationRateMediumPercent}`,
      });
    }
  });
