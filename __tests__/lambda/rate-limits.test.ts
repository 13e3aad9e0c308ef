import { loadConfig } from "../../lambda/lex_fallback/config";
import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { connectEvent } from "./support/connect-events";
import { lexEvent } from "./support/events";
import { TEST_CONFIG, harness } from "./support/in-memory-ports";

const LIMITS = TEST_CONFIG.rateLimits;

const balance = (contactId: string, customerId = "c-123") =>
  lexEvent("CheckBalance", { slots: { AccountType: "current" }, attributes: { customerId, contactId } });

/** One turn of a voice call by customer c-123 on contact k-ordinary, as Lex sends it. */
const say = (
  intent: string,
  slots: Record<string, string> = {},
  extra: { source?: string; confirmation?: string; inputMode?: string } = {},
) =>
  lexEvent(intent, {
    slots,
    attributes: { customerId: "c-123", contactId: "k-ordinary" },
    inputMode: extra.inputMode ?? "Speech",
    source: extra.source ?? "DialogCodeHook",
    ...(extra.confirmation ? { confirmation: extra.confirmation } : {}),
  });
const fulfil = (intent: string, slots: Record<string, string>, confirmation?: string) =>
  say(intent, slots, { source: "FulfillmentCodeHook", ...(confirmation ? { confirmation } : {}) });

const transfer = { FromAccount: "current", ToAccount: "savings", Amount: "100" };

/**
 * A balance check (PIN first), a transfer between own accounts, then a few more questions: 25
 * turns, each with the dialog action Lex must get back: a PIN check and 8 bank calls about money
 * (the transfer's confirmation asks the paying account's currency, then the payment is made).
 */
const ORDINARY_CALL: ReadonlyArray<readonly [string, Record<string, any>, string]> = [
  ["PIN prompt", say("CheckBalance"), "ElicitSlot"],
  ["PIN keyed", say("CheckBalance", { Pin: "4321" }, { inputMode: "DTMF" }), "ElicitSlot"],
  ["account", say("CheckBalance", { AccountType: "current" }), "Delegate"],
  ["balance", fulfil("CheckBalance", { AccountType: "current" }), "Close"],
  ["transfer asked", say("InternalTransfer"), "ElicitSlot"],
  ["from", say("InternalTransfer", { FromAccount: "current" }), "ElicitSlot"],
  ["to", say("InternalTransfer", { FromAccount: "current", ToAccount: "savings" }), "ElicitSlot"],
  ["amount", say("InternalTransfer", transfer), "ConfirmIntent"],
  ["yes", say("InternalTransfer", transfer, { confirmation: "Confirmed" }), "Delegate"],
  ["moved", fulfil("InternalTransfer", transfer, "Confirmed"), "Close"],
  ["history asked", say("TransactionHistory"), "ElicitSlot"],
  ["history account", say("TransactionHistory", { AccountType: "current" }), "Delegate"],
  ["history", fulfil("TransactionHistory", { AccountType: "current" }), "Close"],
  ["savings asked", say("CheckBalance"), "ElicitSlot"],
  ["savings", say("CheckBalance", { AccountType: "savings" }), "Delegate"],
  ["savings balance", fulfil("CheckBalance", { AccountType: "savings" }), "Close"],
  ["loan asked", say("LoanStatus"), "ElicitSlot"],
  ["mortgage", say("LoanStatus", { LoanType: "mortgage" }), "Delegate"],
  ["loan", fulfil("LoanStatus", { LoanType: "mortgage" }), "Close"],
  ["details asked", say("AccountDetails"), "ElicitSlot"],
  ["details account", say("AccountDetails", { AccountType: "current" }), "Delegate"],
  ["details", fulfil("AccountDetails", { AccountType: "current" }), "Close"],
  ["statement asked", say("RequestStatement"), "ElicitSlot"],
  ["statement account", say("RequestStatement", { AccountType: "current" }), "Delegate"],
  ["statement", fulfil("RequestStatement", { AccountType: "current" }), "Close"],
];

describe("rate limits count sensitive operations (bank calls), not turns", () => {
  it("serves an ordinary call of 25 turns to the end: its 8 bank calls are what counts", async () => {
    const h = harness();
    for (const [step, event, action] of ORDINARY_CALL) {
      const reply = await handleTurn(event, h.deps);
      expect({ step, action: reply.sessionState.dialogAction.type }).toStrictEqual({ step, action });
      expect({ step, reason: reply.sessionState.sessionAttributes?.transferReason }).toStrictEqual({
        step,
        reason: undefined,
      });
    }
    expect(ORDINARY_CALL.length).toBeGreaterThan(LIMITS.contact.sensitive);
    expect(h.limits.uses.get("contact#k-ordinary#sensitive")).toBe(8);
    expect(h.limits.uses.get("customer#c-123#sensitive")).toBe(8);
    expect(h.security.events.filter((e) => e.type === "RATE_LIMITED")).toStrictEqual([]);
  });

  it("refuses the bank call past the contact's limit, hands over with a security event naming it, and makes no call", async () => {
    let balanceCalls = 0;
    const h = harness({
      bank: {
        getBalance: async () => (
          balanceCalls++,
          { available: 1024.5, current: 1100, currency: "GBP", accountLast4: "1234" }
        ),
      },
    });
    h.auth.sessions.set("k-1", { customerId: "c-123", method: "PIN" });
    for (let i = 0; i < LIMITS.contact.sensitive; i++) {
      const ok = await handleTurn(balance("k-1"), h.deps);
      expect(ok.messages?.[0]?.content).toContain("£1,024.50");
    }
    // Questions that need no bank call are still answered.
    const prompt = await handleTurn(
      lexEvent("CheckBalance", {
        attributes: { customerId: "c-123", contactId: "k-1" },
        source: "DialogCodeHook",
      }),
      h.deps,
    );
    expect(prompt.sessionState.dialogAction.type).toBe("ElicitSlot");

    const refused = await handleTurn(balance("k-1"), h.deps);
    expect(refused.messages?.[0]?.content).toContain("I can't do any more of that on this call");
    expect(refused.sessionState.sessionAttributes).toMatchObject({
      escalate: "true",
      transferReason: "RateLimited",
    });
    expect(balanceCalls).toBe(LIMITS.contact.sensitive);
    expect(h.security.events.filter((e) => e.type === "RATE_LIMITED")).toMatchObject([
      {
        customerId: "c-123",
        sessionId: "k-1",
        detail: { scope: "contact", action: "sensitive", operation: "getBalance" },
      },
    ]);
  });

  it("does not count a PIN check again (the lockout bounds those): a caller at the limit can still sign in", async () => {
    const h = harness();
    h.limits.uses.set("contact#k-pin#sensitive", LIMITS.contact.sensitive);
    const pin = (slots: Record<string, string>, source: string) =>
      lexEvent("CheckBalance", {
        slots,
        source,
        attributes: { customerId: "c-123", contactId: "k-pin" },
        inputMode: "DTMF",
      });
    const signedIn = await handleTurn(pin({ Pin: "4321" }, "DialogCodeHook"), h.deps);
    expect(signedIn.sessionState.dialogAction.type).toBe("ElicitSlot");
    expect(h.auth.sessions.get("k-pin")).toStrictEqual({ customerId: "c-123", method: "PIN" });
    // The balance itself is a bank call over the limit.
    const refused = await handleTurn(pin({ AccountType: "current" }, "FulfillmentCodeHook"), h.deps);
    expect(refused.sessionState.sessionAttributes?.transferReason).toBe("RateLimited");
  });

  it("limits one customer across many contacts", async () => {
    const h = harness();
    for (let i = 0; i < LIMITS.customer.sensitive; i++) {
      h.auth.sessions.set(`k-${i}`, { customerId: "c-123", method: "PIN" });
      await handleTurn(balance(`k-${i}`), h.deps);
    }
    h.auth.sessions.set("k-new", { customerId: "c-123", method: "PIN" });
    const refused = await handleTurn(balance("k-new"), h.deps);
    expect(refused.sessionState.sessionAttributes?.transferReason).toBe("RateLimited");
    expect(h.security.events.at(-1)).toMatchObject({ type: "RATE_LIMITED", detail: { scope: "customer" } });
  });

  it("takes the limits from the function's environment (config security.rateLimits)", () => {
    const config = loadConfig({
      RATE_LIMIT_WINDOW_SECONDS: "600",
      RATE_LIMIT_CONTACT_SENSITIVE: "12",
      RATE_LIMIT_CONTACT_LLM: "4",
      RATE_LIMIT_CUSTOMER_SENSITIVE: "30",
      RATE_LIMIT_CUSTOMER_LLM: "not a number",
    });
    expect(config.rateLimits).toStrictEqual({
      windowSeconds: 600,
      contact: { sensitive: 12, llm: 4 },
      customer: { sensitive: 30, llm: LIMITS.customer.llm },
    });
  });
});

describe("other limits", () => {
  it("stops sending a contact's questions to the model after its limit, and says so", async () => {
    let calls = 0;
    const h = harness({ llm: { answer: async () => (calls++, "We open at 9am.") } });
    const ask = () =>
      handleTurn(
        lexEvent("FallbackIntent", { transcript: "when do you open", attributes: { contactId: "k-llm" } }),
        h.deps,
      );
    for (let i = 0; i < LIMITS.contact.llm; i++) await ask();
    const refused = await ask();
    expect(calls).toBe(LIMITS.contact.llm);
    expect(refused.messages?.[0]?.content).toContain("I can't answer more general questions on this call");
    expect(h.security.events.at(-1)).toMatchObject({ type: "RATE_LIMITED", detail: { action: "llm" } });
  });

  it("stops companion-app pushes from the flows after the contact's limit, so the flow falls back to the PIN", async () => {
    const h = harness();
    const send = () => handleContactFlow(connectEvent({ operation: "companion_push_send" }), h.deps);
    for (let i = 0; i < LIMITS.contact.sensitive; i++) expect(await send()).toMatchObject({ status: "Sent" });
    expect(await send()).toMatchObject({ status: "Failed", reason: "rate_limited" });
    expect(h.notifier.pushes).toHaveLength(LIMITS.contact.sensitive);
  });

  it("never limits a fraud report", async () => {
    const h = harness({ limits: { take: async () => false } });
    const reply = await handleTurn(lexEvent("ReportFraud", { attributes: { customerId: "c-123" } }), h.deps);
    expect(reply.sessionState.sessionAttributes?.targetQueue).toBe("FraudQueue");
  });
});
