import fc from "fast-check";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { logger } from "../../lambda/lex_fallback/shared/logger";
import { harness } from "./support/in-memory-ports";
import { lexEvent, loadEvent } from "./support/events";

/** A caller keys the PIN on the phone: Lex sends it as DTMF (text turns never check one). */
const withPin = (pin: string) =>
  lexEvent("CheckBalance", {
    slots: { AccountType: "current", Pin: pin },
    attributes: { customerId: "c-123" },
    inputMode: "DTMF",
  });

describe("authentication", () => {
  it("a correct PIN authenticates the session in the table and serves the intent", async () => {
    const h = harness();
    const response = await handleTurn(withPin("4321"), h.deps);
    expect(response.sessionState.intent?.state).toBe("Fulfilled");
    expect(h.auth.sessions.get("contact-7f3e")).toStrictEqual({ customerId: "c-123", method: "PIN" });
    expect(h.security.events.map((e) => e.type)).toStrictEqual(["AUTH_SUCCESS"]);
  });

  it("locks the customer after three wrong PINs and then refuses even the right one", async () => {
    const h = harness();
    const first = await handleTurn(withPin("1111"), h.deps);
    expect(first.messages?.[0]?.content).toContain("You have 2 tries left");
    await handleTurn(withPin("2222"), h.deps);
    const third = await handleTurn(withPin("3333"), h.deps);
    expect(third.sessionState.dialogAction).toStrictEqual({ type: "Close" });
    expect(third.sessionState.sessionAttributes).toMatchObject({
      escalate: "true",
      transferReason: "AuthLocked",
    });
    const after = await handleTurn(withPin("4321"), h.deps);
    expect(after.sessionState.intent?.state).toBe("Failed");
    expect(h.auth.sessions.size).toBe(0);
    expect(h.security.events.map((e) => e.type)).toStrictEqual([
      "AUTH_PIN_FAILED",
      "AUTH_PIN_FAILED",
      "AUTH_PIN_FAILED",
      "AUTH_LOCKED",
      "AUTH_BLOCKED_LOCKED",
    ]);
  });

  it("a spoken PIN that cannot be one is asked again without using an attempt, and recorded without the digits", async () => {
    const h = harness();
    const misheard = lexEvent("CheckBalance", {
      slots: { AccountType: "current", Pin: "98765432" },
      attributes: { customerId: "c-123" },
      inputMode: "Speech",
    });
    const response = await handleTurn(misheard, h.deps);
    expect(response.sessionState.dialogAction).toStrictEqual({ type: "ElicitSlot", slotToElicit: "Pin" });
    expect(h.auth.failures.size).toBe(0);
    expect(h.security.events).toStrictEqual([
      {
        customerId: "c-123",
        type: "AUTH_INPUT_REJECTED",
        sessionId: "contact-7f3e",
        intent: "CheckBalance",
        detail: { method: "PIN", reason: "format" },
      },
    ]);
    expect(JSON.stringify(h.security.events)).not.toContain("98765432");
  });

  it("the lock cannot be read: AUTH_ERROR is recorded, no PIN reaches the bank, the caller is handed over", async () => {
    const h = harness();
    jest.spyOn(h.auth, "isLocked").mockRejectedValue(new Error("auth table unavailable"));
    const response = await handleTurn(withPin("4321"), h.deps);
    expect(response.sessionState.sessionAttributes).toMatchObject({ escalate: "true" });
    expect(h.auth.failures.size).toBe(0);
    expect(h.security.events).toStrictEqual([
      {
        customerId: "c-123",
        type: "AUTH_ERROR",
        sessionId: "contact-7f3e",
        intent: "CheckBalance",
        detail: { reason: "lock-check-failed" },
      },
    ]);
  });

  it("the bank cannot check the PIN: AUTH_ERROR is recorded, the attempt still counts, the caller is handed over", async () => {
    const h = harness({
      bank: {
        verifyPin: async () => {
          throw new Error("pin service unavailable");
        },
      },
    });
    const response = await handleTurn(withPin("4321"), h.deps);
    expect(response.sessionState.sessionAttributes).toMatchObject({ escalate: "true" });
    expect(h.auth.failures.get("c-123")).toBe(1);
    expect(h.auth.sessions.size).toBe(0);
    expect(h.security.events).toStrictEqual([
      {
        customerId: "c-123",
        type: "AUTH_ERROR",
        sessionId: "contact-7f3e",
        intent: "CheckBalance",
        detail: { method: "PIN", reason: "pin-check-failed" },
      },
    ]);
  });

  it("companion app: push, wait, then approval authenticates without confirming the intent itself", async () => {
    const h = harness();
    const attributes = { customerId: "c-123", preferredAuth: "companion" };
    const transfer = { FromAccount: "current", ToAccount: "savings", Amount: "100" };
    const sent = await handleTurn(
      lexEvent("InternalTransfer", { slots: transfer, attributes, inputMode: "Speech" }),
      h.deps,
    );
    expect(sent.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(h.notifier.pushes).toStrictEqual([{ requestId: "req-1", customerId: "c-123" }]);
    h.auth.companionStatuses.set("req-1", "APPROVE");
    const approved = await handleTurn(
      lexEvent("InternalTransfer", {
        slots: transfer,
        attributes,
        confirmation: "Confirmed",
        inputMode: "Speech",
      }),
      h.deps,
    );
    // The "yes" was for the app approval: the payment must still be confirmed on its own.
    expect(approved.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(approved.messages?.[0]?.content).toContain("£100.00");
    expect(h.auth.sessions.get("contact-7f3e")?.method).toBe("COMPANION_APP");
  });

  it.each([
    ["declined", "DECLINE"],
    ["expired", "EXPIRED"],
  ] as const)(
    "companion app %s: the caller is asked for the PIN, and the PIN keyed next is checked",
    async (_outcome, status) => {
      const h = harness();
      const attributes = { customerId: "c-123", preferredAuth: "companion" };
      const turn = (extra: Parameters<typeof lexEvent>[1]) =>
        lexEvent("CheckBalance", {
          slots: { AccountType: "current" },
          attributes,
          inputMode: "Speech",
          ...extra,
        });
      await handleTurn(turn({}), h.deps);
      h.auth.companionStatuses.set("req-1", status);
      const refused = await handleTurn(turn({ confirmation: "Confirmed" }), h.deps);
      expect(refused.messages?.[0]?.content).toContain("The app request wasn't approved");
      // The request stays in the table until its TTL; the PIN answer must not bring it back.
      const keyed = await handleTurn(
        turn({ slots: { AccountType: "current", Pin: "4321" }, inputMode: "DTMF" }),
        h.deps,
      );
      expect(keyed.sessionState.intent?.state).toBe("Fulfilled");
      expect(h.auth.sessions.get("contact-7f3e")).toStrictEqual({ customerId: "c-123", method: "PIN" });
      expect(h.security.events.map((e) => e.type)).toStrictEqual([
        "AUTH_COMPANION_SENT",
        "AUTH_COMPANION_DECLINED",
        "AUTH_SUCCESS",
      ]);
    },
  );

  it("a session authenticated as one customer cannot switch to another by attribute", async () => {
    const h = harness();
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const response = await handleTurn(
      lexEvent("CheckBalance", { slots: { AccountType: "current" }, attributes: { customerId: "c-999" } }),
      h.deps,
    );
    expect(response.sessionState.intent?.state).toBe("Failed");
    expect(h.security.events[0]?.type).toBe("AUTH_IDENTITY_MISMATCH");
  });
});

describe("fault injection", () => {
  const FRAUD_ESCALATION = {
    customerId: "c-123",
    escalate: "true",
    targetQueue: "FraudQueue",
    transferReason: "FraudReport",
    priority: "Critical",
  };
  const down = async () => {
    throw new Error("service unavailable");
  };
  const hang = () => new Promise<void>(() => undefined);

  /**
   * Runs a turn on jest's clock and says when it settled: the fraud path's real timers (topic
   * wait, delivery cap) fire as the clock is advanced, so the budget is checked to the
   * millisecond without the test sleeping through it.
   */
  async function settledOnFakeClock<T>(turn: () => Promise<T>, limitMs: number) {
    jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask", "setImmediate"] });
    try {
      const started = Date.now();
      let elapsedMs: number | undefined;
      const pending = turn().then((value) => {
        elapsedMs = Date.now() - started;
        return value;
      });
      await jest.advanceTimersByTimeAsync(limitMs);
      if (elapsedMs === undefined) throw new Error(`the turn had not settled after ${limitMs} ms`);
      return { response: await pending, elapsedMs };
    } finally {
      jest.useRealTimers();
    }
  }

  it("fraud report goes to the backup queue when SNS is down, and is not counted as lost", async () => {
    const errors = jest.spyOn(logger, "error").mockImplementation(() => undefined);
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const h = harness({ notifier: { fraudAlert: down, companionPush: down } });
    const response = await handleTurn(loadEvent("ReportFraud", "base"), h.deps);
    expect(response.sessionState.sessionAttributes).toStrictEqual(FRAUD_ESCALATION);
    expect(h.fraudBackup.alerts).toMatchObject([
      { alertType: "FRAUD_REPORTED", severity: "CRITICAL", customerId: "c-123" },
    ]);
    expect(errors).not.toHaveBeenCalledWith("FRAUD_ALERT_UNDELIVERED", expect.anything());
    jest.restoreAllMocks();
  });

  it("fraud report still escalates when SNS, the backup queue and the security table are down, and logs both for the alarms", async () => {
    const errors = jest.spyOn(logger, "error").mockImplementation(() => undefined);
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const h = harness({
      notifier: { fraudAlert: down, companionPush: down },
      fraudBackup: { enqueue: down },
      security: { record: down },
    });
    const response = await handleTurn(loadEvent("ReportFraud", "base"), h.deps);
    expect(response.sessionState.dialogAction).toStrictEqual({ type: "Close" });
    expect(response.sessionState.sessionAttributes).toStrictEqual(FRAUD_ESCALATION);
    expect(errors).toHaveBeenCalledWith(
      "FRAUD_ALERT_UNDELIVERED",
      expect.objectContaining({ alert: expect.objectContaining({ alertType: "FRAUD_REPORTED" }) }),
    );
    expect(errors).toHaveBeenCalledWith("SECURITY_EVENT_UNWRITTEN", expect.anything());
    jest.restoreAllMocks();
  });

  it("fraud report escalates within budget when SNS hangs, with the alert on the backup queue", async () => {
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const h = harness({ notifier: { fraudAlert: hang, companionPush: hang } });
    const { response, elapsedMs } = await settledOnFakeClock(
      () => handleTurn(loadEvent("ReportFraud", "base"), h.deps),
      3000,
    );
    // The topic gets 1.2 s, then the backup queue takes the alert at once.
    expect(elapsedMs).toBe(1200);
    expect(response.sessionState.sessionAttributes.escalate).toBe("true");
    expect(h.fraudBackup.alerts).toHaveLength(1);
    jest.restoreAllMocks();
  });

  it("fraud report escalates within budget when SNS and the backup queue both hang, counted as lost", async () => {
    const errors = jest.spyOn(logger, "error").mockImplementation(() => undefined);
    const h = harness({
      notifier: { fraudAlert: hang, companionPush: hang },
      fraudBackup: { enqueue: hang },
    });
    const { response, elapsedMs } = await settledOnFakeClock(
      () => handleTurn(loadEvent("ReportFraud", "base"), h.deps),
      3000,
    );
    // Neither channel answers: the transfer goes ahead at the 2 s delivery cap.
    expect(elapsedMs).toBe(2000);
    expect(response.sessionState.sessionAttributes.targetQueue).toBe("FraudQueue");
    expect(errors).toHaveBeenCalledWith("FRAUD_ALERT_UNDELIVERED", expect.anything());
    jest.restoreAllMocks();
  });

  it("Bedrock down: polite re-prompt that offers an agent", async () => {
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const h = harness({ llm: { answer: async () => Promise.reject(new Error("ThrottlingException")) } });
    const response = await handleTurn(
      lexEvent("FallbackIntent", { transcript: "do you do travel money" }),
      h.deps,
    );
    expect(response).toStrictEqual({
      sessionState: {
        dialogAction: { type: "ElicitIntent" },
        sessionAttributes: { customerId: "c-123", fallbackCount: "1" },
      },
      messages: [
        {
          contentType: "PlainText",
          content:
            "Sorry, I didn't quite get that. I can help with balances, cards, payments and loans, or you can say 'agent' to speak to a colleague.",
        },
      ],
    });
    jest.restoreAllMocks();
  });

  it("low confidence on a first turn goes to the LLM, not the guessed intent", async () => {
    const h = harness();
    const response = await handleTurn(
      lexEvent("LoanStatus", { source: "DialogCodeHook", confidence: 0.41, transcript: "when are you open" }),
      h.deps,
    );
    expect(response.sessionState.dialogAction).toStrictEqual({ type: "ElicitIntent" });
    expect(response.messages?.[0]?.content).toBe(
      "Our branches open at 9am. Is there anything else I can help with?",
    );
  });

  it("a banking API that never answers ends the turn inside the budget with a transfer", async () => {
    jest.spyOn(logger, "error").mockImplementation(() => undefined);
    const h = harness({ bank: { getBalance: () => new Promise(() => undefined) } });
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const response = await handleTurn(loadEvent("CheckBalance", "base"), h.deps, 200);
    expect(response.sessionState.intent?.state).toBe("Failed");
    expect(response.sessionState.sessionAttributes).toMatchObject({
      escalate: "true",
      transferReason: "Timeout",
    });
    jest.restoreAllMocks();
  });
});

describe("malformed input", () => {
  it.each([null, "hello", [], 42, {}, { sessionState: null }, { sessionState: { intent: { name: 7 } } }])(
    "%p gets an ElicitIntent with a helpful message",
    async (raw) => {
      jest.spyOn(logger, "warn").mockImplementation(() => undefined);
      const response = await handleTurn(raw, harness().deps);
      expect(response.sessionState.dialogAction).toStrictEqual({ type: "ElicitIntent" });
      expect(response.messages?.[0]?.content).toContain("say 'agent'");
      jest.restoreAllMocks();
    },
  );

  it("any JSON value, or a real event with any field replaced, yields a valid Lex response with string-only attributes", async () => {
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    jest.spyOn(logger, "error").mockImplementation(() => undefined);
    const base = loadEvent("CheckBalance", "base");
    const mutated = fc
      .record({
        key: fc.constantFrom(...Object.keys(base), "sessionState.sessionAttributes", "sessionState.intent"),
        value: fc.jsonValue(),
      })
      .map(({ key, value }) => {
        const event = structuredClone(base);
        const [head, tail] = key.split(".") as [string, string | undefined];
        if (tail === undefined) event[head] = value;
        else event[head][tail] = value;
        return event;
      });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          mutated,
          fc.string({ maxLength: 5000 }).map((t) => ({ ...base, inputTranscript: t })),
        ),
        async (raw) => {
          const response = await handleTurn(raw, harness().deps);
          expect(["Close", "ElicitIntent", "ElicitSlot", "ConfirmIntent", "Delegate"]).toContain(
            response.sessionState.dialogAction.type,
          );
          for (const value of Object.values(response.sessionState.sessionAttributes))
            expect(typeof value).toBe("string");
          if (response.sessionState.dialogAction.type === "ElicitIntent")
            expect(response.messages?.length).toBe(1);
          expect(JSON.stringify(response).length).toBeLessThan(25_000);
        },
      ),
      { numRuns: 150 },
    );
    jest.restoreAllMocks();
  });
});

describe("logs", () => {
  it("never contain the PIN, a full card number or a full account number", async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => (lines.push(String(chunk)), true);
    const out = jest.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = jest.spyOn(process.stderr, "write").mockImplementation(capture);
    const h = harness({
      bank: {
        getBalance: async () => Promise.reject(new Error("card 4111 1111 1111 1111 account 12345678 failed")),
      },
    });
    await handleTurn({ ...withPin("4321"), inputTranscript: "my pin is 4321 card 4111111111111111" }, h.deps);
    logger.info("caller said", { pin: "4321", transcript: "4321", note: "acct 12345678" });
    out.mockRestore();
    err.mockRestore();
    const text = lines.join("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/4321/);
    expect(text).not.toMatch(/4111 ?1111 ?1111 ?1111/);
    expect(text).not.toMatch(/12345678/);
    expect(text).toContain("****5678");
  });
});
