import { z } from "zod";

export const lambdaSchema = z.object({
  runtime: z.enum(["nodejs20.x", "nodejs22.x"]).default("nodejs22.x"),
  memoryMb: z.number().int().min(128).max(10240).default(512),
  timeoutSeconds: z.number().int().min(1).max(30, "Lex waits at most 30 s for a code hook").default(10),
  /** Below this NLU confidence the Lambda asks Bedrock instead of trusting the intent. */
  lowConfidenceThreshold: z.number().min(0).max(1).default(0.7),
  bedrockModelId: z.string().min(1).default("anthropic.claude-3-haiku-20240307-v1:0"),
  /**
   * Base URL of the core-banking API (no credentials in it: the key is in Secrets Manager).
   * The default's .invalid domain never resolves, so an environment that forgets to set it fails
   * closed: every banking intent hands the caller to an agent.
   */
  bankingApiUrl: z
    .url({ protocol: /^https$/, error: "expected an https:// URL" })
    .default("https://banking-api.invalid"),
  /** Reserved concurrency. @default - unreserved */
  reservedConcurrency: z.number().int().min(1).optional(),
});
