import { z } from "zod";

export const flowsSchema = z.object({
  /** Name customers hear in greetings. */
  brandName: z.string().min(1).default("Example Bank"),
  /** Seconds the IVR waits for a DTMF key. */
  dtmfTimeoutSeconds: z.number().int().min(1).max(180).default(8),
});
