import { isBrokenCircuitError } from "cockatiel";
import {
  callWith,
  failedCall,
  remotePolicy,
  type RemoteCall,
} from "../../lambda/lex_fallback/shared/resilience";
import { withClockAhead } from "./support/clock";

/** The per-try timeout is cockatiel's own error, whose name is plain "Error". */
describe("remotePolicy and timeouts", () => {
  it("retries a timed-out try, and a dependency that keeps timing out opens the breaker", async () => {
    const call = remotePolicy({ timeoutMs: 20, attempts: 2, initialDelayMs: 1, breakAfter: 2 });
    let tries = 0;
    const hang = () => {
      tries++;
      return new Promise<never>(() => undefined);
    };
    // The retry waits longer than the first try (the per-try timeout follows latency).
    await expect(call(hang)).rejects.toThrow(/timed out after 60ms/);
    expect(tries).toBe(2);
    const next = call(hang).catch((error: unknown) => error);
    expect(isBrokenCircuitError(await next)).toBe(true);
    expect(tries).toBe(2);
  });

  it("a slow first try that times out is retried and the second answers", async () => {
    const call = remotePolicy({ timeoutMs: 30, attempts: 3, initialDelayMs: 1 });
    let tries = 0;
    const answer = await call(() =>
      ++tries === 1 ? new Promise<never>(() => undefined) : Promise.resolve("ok"),
    );
    expect(answer).toBe("ok");
    expect(tries).toBe(2);
  });

  it("callWith starts the timeout only once the client is ready", async () => {
    const call = remotePolicy({ timeoutMs: 30, attempts: 1 });
    const slowClient = new Promise<string>((resolve) => setTimeout(() => resolve("client"), 80));
    await expect(callWith(call, slowClient, async (client) => `${client} answered`)).resolves.toBe(
      "client answered",
    );
  });
});

describe("breakers per operation, on a failure ratio, with short first open periods", () => {
  const transient = () =>
    Promise.reject(Object.assign(new Error("503"), { $metadata: { httpStatusCode: 503 } }));
  const refusal = (call: RemoteCall) => call(() => Promise.resolve("ok")).catch((error: unknown) => error);

  it("one operation failing opens its own breaker; the dependency's other operations keep answering", async () => {
    const bank = remotePolicy({ timeoutMs: 100, attempts: 1, breakAfter: 3 }, "banking");
    for (let i = 0; i < 3; i++)
      await bank
        .operation("balance")(transient)
        .catch(() => undefined);
    expect(isBrokenCircuitError(await refusal(bank.operation("balance")))).toBe(true);
    await expect(bank.operation("payments")(() => Promise.resolve("moved"))).resolves.toBe("moved");
  });

  it("a run of failures among many successes does not open it: under load some calls fail, most answer", async () => {
    const call = remotePolicy({ timeoutMs: 100, attempts: 1 });
    for (let i = 0; i < 20; i++) await call(() => Promise.resolve(i));
    for (let i = 0; i < 6; i++) await call(transient).catch(() => undefined);
    await expect(call(() => Promise.resolve("still answering"))).resolves.toBe("still answering");
  });

  it("says which dependency and operation was unavailable, and whether the breaker refused the call", async () => {
    const dynamo = remotePolicy({ timeoutMs: 100, attempts: 1, breakAfter: 2 }, "dynamo");
    const sessions = dynamo.operation("auth-state");
    const failed = await sessions(transient).catch((error: unknown) => error);
    expect(failedCall(failed)).toStrictEqual({
      dependency: "dynamo",
      operation: "auth-state",
      refused: false,
    });
    await sessions(transient).catch(() => undefined);
    expect(failedCall(await refusal(sessions))).toStrictEqual({
      dependency: "dynamo",
      operation: "auth-state",
      refused: true,
    });
    // A refusal that says nothing about health (a 4xx, a failed condition) is not an outage.
    const conditional = Object.assign(new Error("no"), { name: "ConditionalCheckFailedException" });
    const refusedByTable = await dynamo
      .operation("rate-limits")(() => Promise.reject(conditional))
      .catch((error: unknown) => error);
    expect(failedCall(refusedByTable)).toBeUndefined();
  });

  it("lets a call through again about a second after opening, not ten", async () => {
    const call = remotePolicy({ timeoutMs: 100, attempts: 1, breakAfter: 2 });
    await call(transient).catch(() => undefined);
    await call(transient).catch(() => undefined);
    expect(isBrokenCircuitError(await refusal(call))).toBe(true);
    // The first wait is jittered between half a second and a second.
    expect(isBrokenCircuitError(await withClockAhead(450, () => refusal(call)))).toBe(true);
    await expect(withClockAhead(1_050, () => call(() => Promise.resolve("back")))).resolves.toBe("back");
  });

  it("a slow but answering operation gets a longer per-try timeout instead of failing every try", async () => {
    const call = remotePolicy({ timeoutMs: 40, attempts: 2, initialDelayMs: 1 });
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve("slow answer"), 70));
    // The first try times out at 40 ms; the retry waits longer and gets the answer, and so do
    // the calls after it, at their first try.
    for (let i = 0; i < 3; i++) await expect(call(slow)).resolves.toBe("slow answer");
  });

  it("never waits longer than maxTimeoutMs for one try", async () => {
    const call = remotePolicy({ timeoutMs: 20, maxTimeoutMs: 60, attempts: 1 });
    const started = Date.now();
    for (let i = 0; i < 4; i++) await call(() => new Promise<never>(() => undefined)).catch(() => undefined);
    expect(Date.now() - started).toBeLessThan(4 * 60 + 150);
  });
});
