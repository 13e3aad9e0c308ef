import { z } from "zod";

export const flowsSchema = z.object({
  /** Name customers hear in greetings. */
  brandName: z.string().min(1).default("Example Bank"),
  /** Seconds the IVR waits for a DTMF key. */
  dtmfTimeoutSeconds: z.number().int().min(1).max(180).default(8),
  /**
   * Percentage of callers the phone numbers send to the new voice entry flow during the cutover;
   * the rest reach the original stack's entry flow. 0 is the emergency rollback, 100 the end state.
   */
  canaryPercent: z.number().int().min(0).max(100).default(100),
});
