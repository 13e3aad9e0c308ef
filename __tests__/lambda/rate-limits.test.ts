import { RATE_LIMITS } from "../../lambda/lex_fallback/config";
import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { connectEvent } from "./support/connect-events";
import { lexEvent } from "./support/events";
import { harness } from "./support/in-memory-ports";

const balance = (contactId: string, customerId = "c-123") =>
  lexEvent("CheckBalance", { slots: { AccountType: "current" }, attributes: { customerId, contactId } });

describe("rate limits on sensitive operations and model questions", () => {
  it("hands a contact to an agent, with a security event, once it has used its sensitive turns", async () => {
    const h = harness();
    h.auth.sessions.set("k-1", { customerId: "c-123", method: "PIN" });
    for (let i = 0; i < RATE_LIMITS.contact.sensitive; i++) {
      const ok = await handleTurn(balance("k-1"), h.deps);
      expect(ok.messages?.[0]?.content).toContain("£1,024.50");
    }
    const refused = await handleTurn(balance("k-1"), h.deps);
    expect(refused.messages?.[0]?.content).toContain("I can't do any more of that on this call");
    expect(refused.sessionState.sessionAttributes).toMatchObject({
      escalate: "true",
      transferReason: "RateLimited",
    });
    expect(h.security.events.filter((e) => e.type === "RATE_LIMITED")).toMatchObject([
      { customerId: "c-123", sessionId: "k-1", detail: { scope: "contact", action: "sensitive" } },
    ]);
  });

  it("limits one customer across many contacts", async () => {
    const h = harness();
    for (let i = 0; i < RATE_LIMITS.customer.sensitive; i++) await handleTurn(balance(`k-${i}`), h.deps);
    const refused = await handleTurn(balance("k-new"), h.deps);
    expect(refused.sessionState.sessionAttributes?.transferReason).toBe("RateLimited");
    expect(h.security.events.at(-1)).toMatchObject({ type: "RATE_LIMITED", detail: { scope: "customer" } });
  });

  it("stops sending a contact's questions to the model after its limit, and says so", async () => {
    let calls = 0;
    const h = harness({ llm: { answer: async () => (calls++, "We open at 9am.") } });
    const ask = () =>
      handleTurn(
        lexEvent("FallbackIntent", { transcript: "when do you open", attributes: { contactId: "k-llm" } }),
        h.deps,
      );
    for (let i = 0; i < RATE_LIMITS.contact.llm; i++) await ask();
    const refused = await ask();
    expect(calls).toBe(RATE_LIMITS.contact.llm);
    expect(refused.messages?.[0]?.content).toContain("I can't answer more general questions on this call");
    expect(h.security.events.at(-1)).toMatchObject({ type: "RATE_LIMITED", detail: { action: "llm" } });
  });

  it("stops companion-app pushes from the flows after the contact's limit, so the flow falls back to the PIN", async () => {
    const h = harness();
    const send = () => handleContactFlow(connectEvent({ operation: "companion_push_send" }), h.deps);
    for (let i = 0; i < RATE_LIMITS.contact.sensitive; i++)
      expect(await send()).toMatchObject({ status: "Sent" });
    expect(await send()).toMatchObject({ status: "Failed", reason: "rate_limited" });
    expect(h.notifier.pushes).toHaveLength(RATE_LIMITS.contact.sensitive);
  });

  it("never limits a fraud report", async () => {
    const h = harness({ limits: { take: async () => false } });
    const reply = await handleTurn(lexEvent("ReportFraud", { attributes: { customerId: "c-123" } }), h.deps);
    expect(reply.sessionState.sessionAttributes?.targetQueue).toBe("FraudQueue");
  });
});
