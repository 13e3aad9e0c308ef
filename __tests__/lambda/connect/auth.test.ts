import { handleContactFlow } from "../../../lambda/lex_fallback/connect/orchestrator";
import { handleTurn } from "../../../lambda/lex_fallback/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { CONTACT_ID, connectEvent } from "../support/connect-events";
import { lexEvent } from "../support/events";
import { harness } from "../support/in-memory-ports";

const verify = (pin: string, attributes: Record<string, string | undefined> = {}) =>
  connectEvent({ operation: "verify_pin", pin }, attributes);

describe("verify_pin", () => {
  it("a correct PIN authenticates the contact in the auth table and records AUTH_SUCCESS", async () => {
    const h = harness();
    expect(await handleContactFlow(verify("4321"), h.deps)).toStrictEqual({ status: "Verified" });
    expect(h.auth.sessions.get(CONTACT_ID)).toStrictEqual({ customerId: "c-123", method: "PIN" });
    expect(h.security.events).toStrictEqual([
      {
        customerId: "c-123",
        type: "AUTH_SUCCESS",
        sessionId: CONTACT_ID,
        intent: "connect:verify_pin",
        detail: { method: "PIN" },
      },
    ]);
  });

  it("locks out after three wrong PINs across calls, then refuses the right one; the Lex path sees the same lock", async () => {
    const h = harness();
    const answers = [];
    for (const pin of ["1111", "2222", "3333", "4321"])
      answers.push(await handleContactFlow(verify(pin), h.deps));
    expect(answers).toStrictEqual([
      { status: "Invalid", attemptsRemaining: "2" },
      { status: "Invalid", attemptsRemaining: "1" },
      { status: "LockedOut", attemptsRemaining: "0" },
      { status: "LockedOut", attemptsRemaining: "0" },
    ]);
    expect(h.auth.sessions.size).toBe(0);
    expect(h.security.events.map((e) => [e.type, e.detail])).toStrictEqual([
      ["AUTH_PIN_FAILED", { failures: 1 }],
      ["AUTH_PIN_FAILED", { failures: 2 }],
      ["AUTH_PIN_FAILED", { failures: 3 }],
      ["AUTH_LOCKED", { failures: 3 }],
      ["AUTH_BLOCKED_LOCKED", undefined],
    ]);
    const lex = await handleTurn(
      lexEvent("CheckBalance", {
        slots: { AccountType: "current", Pin: "4321" },
        attributes: { customerId: "c-123" },
      }),
      h.deps,
    );
    expect(lex.sessionState.sessionAttributes).toMatchObject({ transferReason: "AuthLocked" });
  });

  it("a keyed entry that is not 4-6 digits is a counted failure and never reaches the bank", async () => {
    const verifyPin = jest.fn(async () => true);
    const h = harness({ bank: { verifyPin } });
    expect(await handleContactFlow(verify("12"), h.deps)).toStrictEqual({
      status: "Invalid",
      attemptsRemaining: "2",
    });
    expect(verifyPin).not.toHaveBeenCalled();
    expect(h.security.events[0]).toMatchObject({
      type: "AUTH_PIN_FAILED",
      detail: { failures: 1, reason: "format" },
    });
  });

  it("a correct PIN clears earlier failures, so later mistakes start from three tries again", async () => {
    const h = harness();
    await handleContactFlow(verify("1111"), h.deps);
    await handleContactFlow(verify("4321"), h.deps);
    h.auth.sessions.clear();
    expect(await handleContactFlow(verify("9999"), h.deps)).toStrictEqual({
      status: "Invalid",
      attemptsRemaining: "2",
    });
  });

  it("without a claimed customer id nothing is checked and the refusal is recorded", async () => {
    const verifyPin = jest.fn(async () => true);
    const h = harness({ bank: { verifyPin } });
    expect(await handleContactFlow(verify("4321", { customerId: undefined }), h.deps)).toStrictEqual({
      status: "Error",
      reason: "no_customer_id",
    });
    expect(verifyPin).not.toHaveBeenCalled();
    expect(h.security.events[0]).toMatchObject({
      customerId: `unverified#${CONTACT_ID}`,
      type: "AUTH_REQUIRED",
    });
  });

  it("a contact already proven as one customer cannot verify as another", async () => {
    const h = harness();
    h.auth.sessions.set(CONTACT_ID, { customerId: "c-999", method: "PIN" });
    expect(await handleContactFlow(verify("4321"), h.deps)).toStrictEqual({
      status: "Error",
      reason: "identity_mismatch",
    });
    expect(h.auth.sessions.get(CONTACT_ID)?.customerId).toBe("c-999");
    expect(h.security.events.map((e) => e.type)).toStrictEqual(["AUTH_IDENTITY_MISMATCH"]);
  });

  it("a PIN verified in the flow authenticates the Lex session of the same contact", async () => {
    const h = harness();
    await handleContactFlow(verify("4321"), h.deps);
    const event = lexEvent("CheckBalance", {
      slots: { AccountType: "current" },
      attributes: { customerId: "c-123" },
    });
    event.sessionId = CONTACT_ID;
    const lex = await handleTurn(event, h.deps);
    expect(lex.sessionState.intent?.state).toBe("Fulfilled");
  });

  it("never writes the PIN to a log line: not on success, failure, dependency error or unknown operation", async () => {
    // Five digits: below the logger's long-number mask, so only not logging it keeps it out.
    const pin = "97531";
    const lines: string[] = [];
    const capture = (chunk: unknown) => (lines.push(String(chunk)), true);
    const out = jest.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = jest.spyOn(process.stderr, "write").mockImplementation(capture);
    const down = harness({ bank: { verifyPin: async () => Promise.reject(new Error("banking-api: 503")) } });
    const answers = [
      await handleContactFlow(verify(pin), down.deps),
      await handleContactFlow(verify(pin), harness().deps),
      await handleContactFlow(connectEvent({ operation: "verify_pin ", pin }), harness().deps),
      await handleContactFlow(connectEvent({ operation: `check ${pin}`, pin }), harness().deps),
    ];
    out.mockRestore();
    err.mockRestore();
    expect(answers.map((a) => a.status)).toStrictEqual(["Error", "Invalid", "Invalid", "Error"]);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(pin);
  });
});

describe("companion app", () => {
  const send = () => connectEvent({ operation: "companion_push_send" });
  const status = () => connectEvent({ operation: "companion_push_status" });

  it("send pushes one request bound to the contact; status follows the app's answer and approval authenticates", async () => {
    const h = harness();
    expect(await handleContactFlow(send(), h.deps)).toStrictEqual({ status: "Sent" });
    expect(h.notifier.pushes).toStrictEqual([{ requestId: "req-1", customerId: "c-123" }]);
    expect(await handleContactFlow(status(), h.deps)).toStrictEqual({ status: "Pending" });
    expect(h.auth.sessions.size).toBe(0);
    h.auth.companionStatuses.set("req-1", "APPROVE");
    expect(await handleContactFlow(status(), h.deps)).toStrictEqual({ status: "Approved" });
    expect(h.auth.sessions.get(CONTACT_ID)).toStrictEqual({ customerId: "c-123", method: "COMPANION_APP" });
    expect(h.security.events.map((e) => e.type)).toStrictEqual(["AUTH_COMPANION_SENT", "AUTH_SUCCESS"]);
  });

  it.each([
    ["DECLINE", "Declined"],
    ["EXPIRED", "Expired"],
  ] as const)("an app answer of %s is %s, recorded, and authenticates nobody", async (answer, expected) => {
    const h = harness();
    await handleContactFlow(send(), h.deps);
    h.auth.companionStatuses.set("req-1", answer);
    expect(await handleContactFlow(status(), h.deps)).toStrictEqual({ status: expected });
    expect(h.auth.sessions.size).toBe(0);
    expect(h.security.events[1]).toMatchObject({
      type: "AUTH_COMPANION_DECLINED",
      detail: { status: answer },
    });
  });

  it("status without a sent request is Expired", async () => {
    expect(await handleContactFlow(status(), harness().deps)).toStrictEqual({
      status: "Expired",
      reason: "no_request",
    });
  });

  it("status for a request sent for another customer is refused", async () => {
    const h = harness();
    await handleContactFlow(send(), h.deps);
    h.auth.companionStatuses.set("req-1", "APPROVE");
    const other = connectEvent({ operation: "companion_push_status" }, { customerId: "c-999" });
    expect(await handleContactFlow(other, h.deps)).toStrictEqual({
      status: "Error",
      reason: "identity_mismatch",
    });
    expect(h.auth.sessions.size).toBe(0);
  });

  it("a locked customer gets no push and no approval", async () => {
    const h = harness();
    h.auth.locked.add("c-123");
    expect(await handleContactFlow(send(), h.deps)).toStrictEqual({ status: "Failed", reason: "locked_out" });
    expect(h.notifier.pushes).toHaveLength(0);
    expect(await handleContactFlow(status(), h.deps)).toStrictEqual({
      status: "Declined",
      reason: "locked_out",
    });
  });

  it("a failed push is Failed (the flow falls back to the PIN), not an error", async () => {
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const h = harness({
      notifier: {
        fraudAlert: async () => undefined,
        companionPush: async () => Promise.reject(new Error("sns down")),
      },
    });
    expect(await handleContactFlow(send(), h.deps)).toStrictEqual({
      status: "Failed",
      reason: "push_failed",
    });
    jest.restoreAllMocks();
  });

  it("without a push topic the companion path is off", async () => {
    const h = harness();
    const deps = { ...h.deps, config: { ...h.deps.config, authPushTopicArn: undefined } };
    expect(await handleContactFlow(send(), deps)).toStrictEqual({
      status: "Failed",
      reason: "companion_disabled",
    });
  });
});
