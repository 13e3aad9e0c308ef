import {
  ConsecutiveBreaker,
  ExponentialBackoff,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from "cockatiel";
import { isRetryable } from "./errors";

/** Tuning of one remote dependency. */
export interface RemotePolicyOptions {
  /** Per-attempt timeout in ms. */
  readonly timeoutMs: number;
  /** Total attempts including the first. */
  readonly attempts: number;
  /** First backoff delay in ms; later delays grow exponentially with decorrelated jitter. */
  readonly initialDelayMs?: number;
  /** Consecutive failures that open the breaker. */
  readonly breakAfter?: number;
  /** How long an open breaker fails fast before letting one call through, in ms. */
  readonly halfOpenAfterMs?: number;
}

export type RemoteCall = <T>(fn: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/**
 * retry(breaker(timeout(call))): each attempt is bounded, only transient errors are retried (and only
 * they trip the breaker: a 4xx or a failed condition says nothing about health), and a
 * dependency that keeps failing is skipped fast so the turn stays inside the Lex time budget.
 * Create one per dependency at module scope: the breaker must be shared across invocations.
 */
export function remotePolicy(options: RemotePolicyOptions): RemoteCall {
  const policy = wrap(
    retry(handleWhen(isRetryable), {
      maxAttempts: Math.max(0, options.attempts - 1),
      backoff: new ExponentialBackoff({ initialDelay: options.initialDelayMs ?? 50, maxDelay: 400 }),
    }),
    circuitBreaker(handleWhen(isRetryable), {
      halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
      breaker: new ConsecutiveBreaker(options.breakAfter ?? 5),
    }),
    timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
  );
  return (fn) => policy.execute(({ signal }) => fn(signal));
}

/**
 * Runs `fn` under `call` once `ready` (SDK module load, client construction) has settled, so that a
 * cold start's one-off work never counts against the per-try timeout nor trips the breaker.
 */
export async function callWith<S, T>(
  call: RemoteCall,
  ready: Promise<S>,
  fn: (sdk: S, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const sdk = await ready;
  return call((signal) => fn(sdk, signal));
}
