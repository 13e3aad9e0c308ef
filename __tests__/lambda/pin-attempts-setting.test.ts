import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { loadConfig } from "../../lambda/lex_fallback/config";
import { connectEvent } from "./support/connect-events";
import { harness } from "./support/in-memory-ports";

const verify = (pin: string) => connectEvent({ operation: "verify_pin", pin });

describe("security.maxPinAttempts reaches the PIN lockout (MAX_PIN_ATTEMPTS)", () => {
  it("is read from the environment the construct sets, 3 when unset or not a whole number from 1 to 10", () => {
    expect(loadConfig({ MAX_PIN_ATTEMPTS: "5" }).maxPinAttempts).toBe(5);
    expect(loadConfig({}).maxPinAttempts).toBe(3);
    for (const junk of ["0", "11", "2.5", "many"])
      expect(loadConfig({ MAX_PIN_ATTEMPTS: junk }).maxPinAttempts).toBe(3);
  });

  it("locks the customer out after the configured number of wrong PINs, not a hard-coded 3", async () => {
    const h = harness();
    const deps = { ...h.deps, config: { ...h.deps.config, maxPinAttempts: 5 } };
    const answers = [];
    for (const pin of ["1111", "2222", "3333", "4444", "5555", "4321"]) {
      answers.push(await handleContactFlow(verify(pin), deps));
    }
    expect(answers).toStrictEqual([
      { status: "Invalid", attemptsRemaining: "4" },
      { status: "Invalid", attemptsRemaining: "3" },
      { status: "Invalid", attemptsRemaining: "2" },
      { status: "Invalid", attemptsRemaining: "1" },
      { status: "LockedOut", attemptsRemaining: "0" },
      { status: "LockedOut", attemptsRemaining: "0" },
    ]);
    expect(h.security.events.filter((e) => e.type === "AUTH_LOCKED")).toStrictEqual([
      expect.objectContaining({ detail: { failures: 5 } }),
    ]);
  });

  it("takes security events' TTL from SECURITY_EVENT_TTL_DAYS", () => {
    expect(loadConfig({ SECURITY_EVENT_TTL_DAYS: "800" }).securityEventTtlDays).toBe(800);
  });
});
