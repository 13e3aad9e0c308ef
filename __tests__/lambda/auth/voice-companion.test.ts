import { handleTurn } from "../../../lambda/lex_fallback/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import type { CompanionStatus } from "../../../lambda/lex_fallback/ports";
import { lexEvent } from "../support/events";
import { harness } from "../support/in-memory-ports";

/**
 * Voice callers who prefer the companion app (`preferredAuth = companion`): each app request is
 * pushed once; a "no" or a refusal in the app falls back to the PIN without pushing again.
 */
const attributes = { customerId: "c-123", preferredAuth: "companion" };

/** One voice turn of a balance check, as Lex sends it to the dialog code hook. */
const voiceTurn = (change: { confirmation?: string; pin?: string } = {}) =>
  lexEvent("CheckBalance", {
    slots: { AccountType: "current", ...(change.pin ? { Pin: change.pin } : {}) },
    attributes,
    inputMode: change.pin ? "DTMF" : "Speech",
    source: "DialogCodeHook",
    ...(change.confirmation ? { confirmation: change.confirmation } : {}),
  });

describe("voice step-up through the companion app", () => {
  it("a caller who says no to the app request is asked for the PIN, and no later turn pushes again", async () => {
    const h = harness();
    const sent = await handleTurn(voiceTurn(), h.deps);
    expect(sent.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });

    for (let i = 0; i < 3; i++) {
      const refused = await handleTurn(voiceTurn({ confirmation: "Denied" }), h.deps);
      expect(refused.sessionState.dialogAction).toStrictEqual({ type: "ElicitSlot", slotToElicit: "Pin" });
      expect(refused.messages?.[0]?.content).toContain("please key in or say your telephone banking PIN");
      // The "no" was for the app: the intent itself is still unconfirmed.
      expect(refused.sessionState.intent?.confirmationState).toBe("None");
    }
    // A turn without the PIN while the request is still pending asks about that request again.
    const again = await handleTurn(voiceTurn(), h.deps);
    expect(again.messages?.[0]?.content).toContain("I haven't seen the approval yet");
    const keyed = await handleTurn(voiceTurn({ pin: "4321" }), h.deps);
    expect(keyed.sessionState.dialogAction.type).toBe("Delegate");

    expect(h.notifier.pushes).toHaveLength(1);
    expect(h.security.events.map((e) => [e.type, e.detail])).toStrictEqual([
      ["AUTH_COMPANION_SENT", undefined],
      ...Array.from({ length: 3 }, () => ["AUTH_REQUIRED", { method: "PIN", reason: "companion-refused" }]),
      ["AUTH_SUCCESS", { method: "PIN" }],
    ]);
  });

  it.each<CompanionStatus>(["DECLINE", "EXPIRED"])(
    "app answer %s: the turns that follow without a PIN ask for it again, never push again",
    async (status) => {
      const h = harness();
      await handleTurn(voiceTurn(), h.deps);
      h.auth.companionStatuses.set("req-1", status);
      for (const confirmation of ["Confirmed", "None", "Denied", "None"]) {
        const reply = await handleTurn(voiceTurn({ confirmation }), h.deps);
        expect({ confirmation, action: reply.sessionState.dialogAction }).toStrictEqual({
          confirmation,
          action: { type: "ElicitSlot", slotToElicit: "Pin" },
        });
      }
      expect(h.notifier.pushes).toStrictEqual([{ requestId: "req-1", customerId: "c-123" }]);
    },
  );

  it("the yes that answered a declined app request does not confirm the payment after the PIN", async () => {
    let moved = 0;
    const h = harness({ bank: { moveMoney: async () => (moved++, { reference: "TX-1" }) } });
    const transfer = (confirmation: string, pin?: string) =>
      lexEvent("InternalTransfer", {
        slots: { FromAccount: "current", ToAccount: "savings", Amount: "100", ...(pin ? { Pin: pin } : {}) },
        attributes,
        inputMode: pin ? "DTMF" : "Speech",
        source: "DialogCodeHook",
        confirmation,
      });
    await handleTurn(transfer("None"), h.deps);
    h.auth.companionStatuses.set("req-1", "DECLINE");
    const askPin = await handleTurn(transfer("Confirmed"), h.deps);
    expect(askPin.messages?.[0]?.content).toContain("The app request wasn't approved");
    // Lex sends back the confirmation state the prompt left on the intent.
    const carried = askPin.sessionState.intent?.confirmationState ?? "None";
    const afterPin = await handleTurn(transfer(carried, "4321"), h.deps);
    expect(afterPin.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(afterPin.messages?.[0]?.content).toContain("from your current account to your savings account");
    expect(moved).toBe(0);
  });

  it("over the limits no app request is pushed: RATE_LIMITED is recorded and the PIN asked instead", async () => {
    const h = harness({ limits: { take: async () => false } });
    const reply = await handleTurn(voiceTurn(), h.deps);
    expect(reply.sessionState.dialogAction).toStrictEqual({ type: "ElicitSlot", slotToElicit: "Pin" });
    expect(h.notifier.pushes).toHaveLength(0);
    expect(h.security.events.map((e) => [e.type, e.detail])).toStrictEqual([
      ["RATE_LIMITED", { scope: "contact", action: "sensitive", operation: "companion_push" }],
      ["AUTH_REQUIRED", { method: "PIN" }],
    ]);
  });

  it("a push that fails falls back to the PIN, as the flows do, and is recorded", async () => {
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const h = harness({
      notifier: {
        fraudAlert: async () => undefined,
        companionPush: async () => Promise.reject(new Error("sns: 503")),
      },
    });
    const reply = await handleTurn(voiceTurn(), h.deps);
    expect(reply.sessionState.dialogAction).toStrictEqual({ type: "ElicitSlot", slotToElicit: "Pin" });
    expect(h.security.events.map((e) => [e.type, e.detail])).toStrictEqual([
      ["AUTH_ERROR", { method: "COMPANION_APP", reason: "push-failed" }],
      ["AUTH_REQUIRED", { method: "PIN" }],
    ]);
    jest.restoreAllMocks();
  });
});
