import { SENSITIVE_INTENTS } from "../../../lambda/lex_fallback/intents";
import { handleTurn } from "../../../lambda/lex_fallback/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { lexEvent, loadEvent } from "../support/events";
import { TEST_CONFIG, harness, type Harness } from "../support/in-memory-ports";

/**
 * Chat turns (Lex inputMode "Text", platform "Connect Chat") step up through the companion app or
 * an advisor, never a PIN: Contact Lens in-flight redaction hands the bot "[PIN]" and a PIN it
 * misses stays in the transcript the advisor reads.
 */
const CONTACT = "contact-7f3e";
const ADVISOR = {
  escalate: "true",
  targetQueue: TEST_CONFIG.agentQueue,
  transferReason: "ChatVerification",
  priority: "Normal",
};

const chat = (
  intent: string,
  change: { slots?: Record<string, string>; confirmation?: string; attributes?: Record<string, string> } = {},
) =>
  lexEvent(intent, {
    fixture: "chat",
    slots: change.slots ?? { AccountType: "current" },
    confirmation: change.confirmation,
    attributes: { contactId: CONTACT, customerId: "c-123", ...change.attributes },
  });

const types = (h: Harness) => h.security.events.map((e) => [e.type, e.detail]);
const noPinPrompt = (response: {
  sessionState: { dialogAction: unknown };
  messages?: readonly { content: string }[];
}) => {
  expect(response.sessionState.dialogAction).not.toMatchObject({ type: "ElicitSlot" });
  expect(response.messages?.[0]?.content).not.toMatch(/key in|say your|telephone banking PIN/i);
};

describe("chat step-up", () => {
  it("the chat fixture is a real Connect Chat text turn", () => {
    const event = loadEvent("CheckBalance", "chat");
    expect(event.inputMode).toBe("Text");
    expect(event.requestAttributes["x-amz-lex:channels:platform"]).toBe("Connect Chat");
  });

  it.each(SENSITIVE_INTENTS)("%s sends the app request instead of asking for a PIN", async (intent) => {
    const h = harness();
    const response = await handleTurn(chat(intent, { slots: {} }), h.deps);
    noPinPrompt(response);
    expect(response.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(response.messages?.[0]?.content).toBe(
      "I've sent a request to your banking app. Approve it there, then reply yes.",
    );
    expect(h.notifier.pushes).toStrictEqual([{ requestId: "req-1", customerId: "c-123" }]);
    expect(types(h)).toStrictEqual([["AUTH_COMPANION_SENT", { method: "COMPANION_APP", channel: "text" }]]);
  });

  it("uses the app whatever preferredAuth says, and session attributes grant nothing", async () => {
    const h = harness();
    const attributes = { preferredAuth: "pin", authenticated: "true" };
    const response = await handleTurn(chat("CheckBalance", { attributes }), h.deps);
    expect(response.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(h.notifier.pushes).toHaveLength(1);
    expect(h.auth.sessions.size).toBe(0);
  });

  it("an approval in the app signs the chat in and serves the intent", async () => {
    const h = harness();
    await handleTurn(chat("CheckBalance"), h.deps);
    const waiting = await handleTurn(chat("CheckBalance", { confirmation: "Confirmed" }), h.deps);
    expect(waiting.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(waiting.messages?.[0]?.content).toContain("I haven't seen the approval yet");

    h.auth.companionStatuses.set("req-1", "APPROVE");
    const served = await handleTurn(chat("CheckBalance", { confirmation: "Confirmed" }), h.deps);
    expect(served.sessionState.intent?.state).toBe("Fulfilled");
    expect(served.messages?.[0]).toStrictEqual({
      contentType: "PlainText",
      content:
        "Your current account ending in 1234 has an available balance of £1,024.50 and a current balance of £1,100.00.",
    });
    expect(h.auth.sessions.get(CONTACT)).toStrictEqual({ customerId: "c-123", method: "COMPANION_APP" });
    expect(h.security.events.at(-1)).toMatchObject({
      type: "AUTH_SUCCESS",
      detail: { method: "COMPANION_APP" },
    });
  });

  it("the yes for the app does not confirm a payment", async () => {
    const h = harness();
    const slots = { FromAccount: "current", ToAccount: "savings", Amount: "100" };
    await handleTurn(chat("InternalTransfer", { slots }), h.deps);
    h.auth.companionStatuses.set("req-1", "APPROVE");
    const approved = await handleTurn(chat("InternalTransfer", { slots, confirmation: "Confirmed" }), h.deps);
    expect(approved.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(approved.messages?.[0]?.content).toContain("£100.00");
  });

  it.each([
    ["DECLINE", "companion-declined", "wasn't approved"],
    ["EXPIRED", "companion-expired", "has expired"],
  ] as const)(
    "an app request answered %s hands the chat to an advisor, never a PIN prompt",
    async (status, reason, said) => {
      const h = harness();
      await handleTurn(chat("CheckBalance"), h.deps);
      h.auth.companionStatuses.set("req-1", status);
      const response = await handleTurn(chat("CheckBalance", { confirmation: "Confirmed" }), h.deps);
      noPinPrompt(response);
      expect(response.sessionState.dialogAction).toStrictEqual({ type: "Close" });
      expect(response.sessionState.intent?.state).toBe("Failed");
      expect(response.sessionState.sessionAttributes).toMatchObject(ADVISOR);
      expect(response.messages?.[0]?.content).toContain(said);
      expect(types(h).slice(1)).toStrictEqual([
        ["AUTH_COMPANION_DECLINED", { status }],
        ["AUTH_REQUIRED", { method: "ADVISOR", reason, channel: "text" }],
      ]);
      expect(h.auth.sessions.size).toBe(0);
    },
  );

  it("a no to the app request goes to an advisor without sending another push", async () => {
    const h = harness();
    await handleTurn(chat("CheckBalance"), h.deps);
    const response = await handleTurn(chat("CheckBalance", { confirmation: "Denied" }), h.deps);
    expect(response.sessionState.sessionAttributes).toMatchObject(ADVISOR);
    expect(h.notifier.pushes).toHaveLength(1);
    expect(h.security.events.at(-1)?.detail).toStrictEqual({
      method: "ADVISOR",
      reason: "companion-refused",
      channel: "text",
    });
  });

  it("without a push topic the chat goes to an advisor", async () => {
    const h = harness();
    const deps = { ...h.deps, config: { ...TEST_CONFIG, authPushTopicArn: undefined } };
    const response = await handleTurn(chat("CheckBalance"), deps);
    noPinPrompt(response);
    expect(response.sessionState.sessionAttributes).toMatchObject(ADVISOR);
    expect(h.notifier.pushes).toHaveLength(0);
    expect(h.auth.companion.size).toBe(0);
    expect(types(h)).toStrictEqual([
      ["AUTH_REQUIRED", { method: "ADVISOR", reason: "companion-unavailable", channel: "text" }],
    ]);
  });

  it("when the push fails the chat goes to an advisor instead of failing the turn", async () => {
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const h = harness({
      notifier: {
        fraudAlert: async () => undefined,
        companionPush: async () => Promise.reject(new Error("sns: 503")),
      },
    });
    const response = await handleTurn(chat("CheckBalance"), h.deps);
    expect(response.sessionState.sessionAttributes).toMatchObject(ADVISOR);
    expect(types(h)).toStrictEqual([
      ["AUTH_REQUIRED", { method: "ADVISOR", reason: "companion-unavailable", channel: "text" }],
    ]);
    jest.restoreAllMocks();
  });

  it("over the contact's limits no app request is pushed: RATE_LIMITED is recorded and an advisor verifies", async () => {
    const h = harness({ limits: { take: async () => false } });
    const response = await handleTurn(chat("CheckBalance"), h.deps);
    expect(response.sessionState.sessionAttributes).toMatchObject(ADVISOR);
    expect(h.notifier.pushes).toHaveLength(0);
    expect(types(h)).toStrictEqual([
      ["RATE_LIMITED", { scope: "contact", action: "sensitive", operation: "companion_push" }],
      ["AUTH_REQUIRED", { method: "ADVISOR", reason: "companion-rate-limited", channel: "text" }],
    ]);
  });

  it("a locked customer is not sent an app request", async () => {
    const h = harness();
    h.auth.locked.add("c-123");
    const response = await handleTurn(chat("CheckBalance"), h.deps);
    expect(response.sessionState.sessionAttributes).toMatchObject({ transferReason: "AuthLocked" });
    expect(h.notifier.pushes).toHaveLength(0);
  });
});

describe("a PIN that arrives in a chat turn", () => {
  it.each(["4321", "1111", "[PIN]", "my pin is 4321"])(
    "%p is never checked, counted or echoed",
    async (pin) => {
      const verifyPin = jest.fn(async () => true);
      const h = harness({ bank: { verifyPin } });
      const response = await handleTurn(
        chat("CheckBalance", { slots: { AccountType: "current", Pin: pin } }),
        h.deps,
      );
      expect(verifyPin).not.toHaveBeenCalled();
      expect(h.auth.failures.size).toBe(0);
      expect(h.auth.sessions.size).toBe(0);
      noPinPrompt(response);
      expect(response.sessionState.intent?.slots.Pin).toBeNull();
      expect(JSON.stringify(response)).not.toContain(pin);
      expect(response.messages?.[0]?.content).toMatch(/^Please don't share your PIN in this chat/);
      expect(types(h)).toStrictEqual([
        ["AUTH_INPUT_REJECTED", { method: "PIN", reason: "pin-in-text", channel: "text" }],
        ["AUTH_COMPANION_SENT", { method: "COMPANION_APP", channel: "text" }],
      ]);
      expect(JSON.stringify(h.security.events)).not.toContain(pin);
    },
  );

  it("does not use up the attempts a later phone call has", async () => {
    const h = harness();
    for (let i = 0; i < 5; i++)
      await handleTurn(chat("CheckBalance", { slots: { AccountType: "current", Pin: "0000" } }), h.deps);
    const call = lexEvent("CheckBalance", {
      slots: { AccountType: "current", Pin: "0000" },
      attributes: { customerId: "c-123", contactId: "call-1" },
      inputMode: "DTMF",
    });
    const voice = await handleTurn(call, h.deps);
    expect(voice.messages?.[0]?.content).toContain("You have 2 tries left");
  });

  it("is never written to a log line", async () => {
    // Five digits: below the logger's long-number mask, so only not logging it keeps it out.
    const pin = "97531";
    const lines: string[] = [];
    const capture = (chunk: unknown) => (lines.push(String(chunk)), true);
    const out = jest.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = jest.spyOn(process.stderr, "write").mockImplementation(capture);
    const h = harness({
      notifier: {
        fraudAlert: async () => undefined,
        companionPush: async () => Promise.reject(new Error("down")),
      },
      security: { record: async () => Promise.reject(new Error("table down")) },
    });
    const event = chat("CheckBalance", { slots: { AccountType: "current", Pin: pin } });
    await handleTurn({ ...event, inputTranscript: pin }, h.deps);
    out.mockRestore();
    err.mockRestore();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(pin);
  });
});
