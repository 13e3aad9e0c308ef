/** A remote dependency failed (after retries, or with an error that retrying cannot fix). */
export class DependencyError extends Error {
  public override readonly name = "DependencyError";
  constructor(
    public readonly dependency: string,
    message: string,
    public readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(`${dependency}: ${message}`, options);
  }
}

/** The Bedrock guardrail blocked the question or the answer (Converse stopReason guardrail_intervened). */
export class GuardrailInterventionError extends DependencyError {
  constructor() {
    super("bedrock", "guardrail intervened", false);
  }
}

/** The turn ran out of its time budget. */
export class BudgetExceededError extends Error {
  public override readonly name = "BudgetExceededError";
}

/** Whether a retry could help: our own retryable errors, throttling, 5xx and network faults. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof DependencyError) return error.retryable;
  if (typeof error !== "object" || error === null) return false;
  const e = error as {
    name?: unknown;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
    isTaskCancelledError?: unknown;
  };
  // cockatiel's per-try timeout: its name is plain "Error", so it is known by this flag.
  if (e.$retryable || e.isTaskCancelledError === true) return true;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === "number") return status === 429 || status >= 500;
  return ["TimeoutError", "AbortError", "TaskCancelledError", "ThrottlingException", "ECONNRESET"].includes(
    String(e.name),
  );
}
