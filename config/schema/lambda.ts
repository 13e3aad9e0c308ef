import { z } from "zod";

/** The Lex code-hook Lambda (lambda/lex_fallback), which also answers the flows' Lambda calls. */
export const lambdaSchema = z.object({
  /** Node.js runtime of the code-hook Lambda. */
  runtime: z.enum(["nodejs20.x", "nodejs22.x"]).default("nodejs22.x"),
  /** Memory of the code-hook Lambda (CPU grows with it: 1024 keeps a cold sensitive turn in budget). */
  memoryMb: z.number().int().min(128).max(10240).default(1024),
  /** Hard stop of one invocation: above the handler's 2.8 s turn budget, below Connect's 8 s wait. */
  timeoutSeconds: z
    .number()
    .int()
    .min(3, "the handler's own turn budget is 2.8 s")
    .max(8, "Connect waits at most 8 s for a Lambda")
    .default(5),
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
