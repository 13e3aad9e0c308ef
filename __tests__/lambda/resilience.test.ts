import { isBrokenCircuitError } from "cockatiel";
import { callWith, remotePolicy } from "../../lambda/lex_fallback/shared/resilience";

/** The per-try timeout is cockatiel's own error, whose name is plain "Error". */
describe("remotePolicy and timeouts", () => {
  it("retries a timed-out try, and a dependency that keeps timing out opens the breaker", async () => {
    const call = remotePolicy({ timeoutMs: 20, attempts: 2, initialDelayMs: 1, breakAfter: 2 });
    let tries = 0;
    const hang = () => {
      tries++;
      return new Promise<never>(() => undefined);
    };
    await expect(call(hang)).rejects.toThrow(/timed out after 20ms/);
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
