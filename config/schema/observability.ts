import { z } from "zod";
import { logRetentionDays } from "./common";

export const observabilitySchema = z.object({
  logRetentionDays: logRetentionDays.default(30),
  /** Alarm thresholds; prod tightens them. */
  thresholds: z
    .object({
      lambdaErrors: z.number().int().min(1).default(5),
      queueWaitSeconds: z.number().int().min(1).default(300),
      queueSize: z.number().int().min(1).default(20),
      abandonmentRatePercent: z.number().min(1).max(100).default(10),
      hallucinationRateHighPercent: z.number().min(0).max(100).default(20),
      hallucinationRateMediumPercent: z.number().min(0).max(100).default(10),
      bedrockApiErrors: z.number().int().min(1).default(5),
      validationTimeouts: z.number().int().min(1).default(10),
    })
    .prefault({}),
});
