import {
  ExponentialBackoff,
  SamplingBreaker,
  TimeoutStrategy,
  circuitBreaker,
  halfJitterGenerator,
  handleWhen,
  isBrokenCircuitError,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from "cockatiel";
import { isRetryable } from "./errors";

/** Tuning of one remote dependency. */
export interface RemotePolicyOptions {
  /** Per-attempt timeout in ms while the operation answers fast; it follows observed latency up to maxTimeoutMs. */
  readonly timeoutMs: number;
  /** Longest per-attempt timeout when the operation is slow but answering (load). @default 3 × timeoutMs */
  readonly maxTimeoutMs?: number;
  /** Total attempts including the first. */
  readonly attempts: number;
  /** First backoff delay in ms; later delays grow exponentially with decorrelated jitter. */
  readonly initialDelayMs?: number;
  /** Calls an operation must see in its window before its breaker may open. @default 5 */
  readonly breakAfter?: number;
  /** Share of those calls that must have failed to open it: a few slow calls under load do not. @default 0.5 */
  readonly failureRatio?: number;
  /** How far back the breaker counts calls, in ms. @default 10_000 */
  readonly windowMs?: number;
  /** First open period in ms; it doubles while the operation keeps failing, up to 10 s. @default 1_000 */
  readonly halfOpenAfterMs?: number;
}

/** Runs one remote call (given its abort signal) under a dependency's timeouts, retries and breaker. */
export type RemoteCall = <T>(fn: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** A dependency's RemoteCall that can also hand out one per operation. */
export interface RemotePolicy extends RemoteCall {
  /**
   * The same timings with a breaker of its own, so one failing operation (a table, an endpoint)
   * does not stop the others of its dependency. The same name gives the same breaker.
   */
  operation(name: string): RemotePolicy;
}

/** `call`'s own breaker for `operation` when it has per-operation breakers; else `call` itself. */
export function forOperation(call: RemoteCall, operation: string): RemoteCall {
  const policy = call as Partial<RemotePolicy>;
  return typeof policy.operation === "function" ? policy.operation(operation) : call;
}

/** Which dependency and operation a failure came from, for the hand-over reason and the logs. */
export interface FailedCall {
  readonly dependency: string;
  readonly operation: string;
  /** The breaker was open: the call was refused without being made. */
  readonly refused: boolean;
}

const failures = new WeakMap<object, FailedCall>();

/**
 * The dependency and operation behind an error that left a RemoteCall because the dependency was
 * unavailable (retries used up on transient errors, or an open breaker); undefined otherwise.
 */
export function failedCall(error: unknown): FailedCall | undefined {
  return typeof error === "object" && error !== null ? failures.get(error) : undefined;
}

const MAX_OPEN_MS = 10_000;
/** Weight of the newest latency in the running mean; a per-try timeout allows this multiple of it. */
const LATENCY_WEIGHT = 0.2;
const TIMEOUT_PER_MEAN = 3;

/**
 * The per-try timeout of one operation: `timeoutMs` while it answers fast, then following its
 * mean latency up to `maxTimeoutMs`. A fixed timeout turns a slow but working dependency into a failing one
 * the moment its latency crosses the line; this lets answers slow down first.
 */
class AdaptiveTimeout {
  private meanMs: number | undefined;
  constructor(
    private readonly floorMs: number,
    private readonly ceilingMs: number,
  ) {}
  get ms(): number {
    const wanted = this.meanMs === undefined ? this.floorMs : TIMEOUT_PER_MEAN * this.meanMs;
    return Math.round(Math.min(this.ceilingMs, Math.max(this.floorMs, wanted)));
  }
  observed(ms: number): void {
    this.meanMs = this.meanMs === undefined ? ms : this.meanMs + LATENCY_WEIGHT * (ms - this.meanMs);
  }
}

/**
 * retry(breaker(timeout(call))) per operation: each attempt is bounded, only transient errors are
 * retried (and only they count against the breaker: a 4xx or a failed condition says nothing
 * about health), and an operation that keeps failing is skipped fast so the turn stays inside
 * the Lex time budget. Under load answers slow down rather than fail: the per-try timeout follows
 * the operation's latency (AdaptiveTimeout), and the breaker opens on a failure RATIO over a
 * window, not on a run of failures, first for about a second, longer while the operation stays
 * down. Create one per dependency at module scope: the breakers must be shared across invocations.
 */
export function remotePolicy(options: RemotePolicyOptions, dependency = "remote"): RemotePolicy {
  const retries = retry(handleWhen(isRetryable), {
    maxAttempts: Math.max(0, options.attempts - 1),
    backoff: new ExponentialBackoff({ initialDelay: options.initialDelayMs ?? 50, maxDelay: 400 }),
  });
  const windowMs = options.windowMs ?? 10_000;
  // SamplingBreaker wants a rate: this many calls per window (the 0.5 keeps a whole count exact).
  const minimumRps = ((options.breakAfter ?? 5) - 0.5) / (windowMs / 1000);
  const firstOpenMs = options.halfOpenAfterMs ?? 1_000;
  const operations = new Map<string, { policy: IPolicy; timeout: AdaptiveTimeout }>();

  const operationState = (operation: string) => {
    let state = operations.get(operation);
    if (state === undefined) {
      const breaker = circuitBreaker(handleWhen(isRetryable), {
        // Half jitter: containers that opened together do not all probe again in the same instant.
        halfOpenAfter: new ExponentialBackoff({
          generator: halfJitterGenerator,
          initialDelay: firstOpenMs,
          maxDelay: Math.max(firstOpenMs, MAX_OPEN_MS),
        }),
        breaker: new SamplingBreaker({
          threshold: options.failureRatio ?? 0.5,
          duration: windowMs,
          minimumRps,
        }),
      });
      state = {
        policy: wrap(retries, breaker),
        timeout: new AdaptiveTimeout(options.timeoutMs, options.maxTimeoutMs ?? 3 * options.timeoutMs),
      };
      operations.set(operation, state);
    }
    return state;
  };

  const callFor = (operation: string): RemotePolicy => {
    const call = async <T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> => {
      const { policy, timeout: perTry } = operationState(operation);
      try {
        return await policy.execute(
          async ({ signal }) => {
            const started = Date.now();
            try {
              const perTryTimeout = timeout(perTry.ms, TimeoutStrategy.Aggressive);
              return await perTryTimeout.execute(({ signal: trySignal }) => fn(trySignal), signal);
            } finally {
              // A timed-out try counts as one that took the whole timeout: a sudden slowdown
              // raises the next timeout instead of timing every try out at the old one.
              perTry.observed(Date.now() - started);
            }
          },
          // Its own signal: cockatiel's default is one shared signal that every concurrent call
          // adds a listener to (a MaxListenersExceeded warning past ten, e.g. under a load test).
          new AbortController().signal,
        );
      } catch (error) {
        const refused = isBrokenCircuitError(error);
        if ((refused || isRetryable(error)) && typeof error === "object" && error !== null) {
          failures.set(error, { dependency, operation, refused });
        }
        throw error;
      }
    };
    return Object.assign(call, { operation: callFor });
  };
  return callFor("default");
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
