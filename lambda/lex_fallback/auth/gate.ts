import { MAX_PIN_FAILURES } from "../config";
import { INPUT_ATTRIBUTES } from "../contract";
import { transferAttributes } from "../handlers/common";
import type { Deps } from "../handlers/types";
import { AUTH_PIN_SLOT } from "../intents";
import { close, confirmIntent, elicitSlot } from "../lex/reply";
import type { LexResponse } from "../lex/response";
import { slotValue, type Caller, type Turn } from "../lex/turn";
import type { SecurityEventType } from "../ports";
import { audit } from "./audit";

export type GateResult =
  | { readonly kind: "allowed"; readonly caller: Caller; readonly turn: Turn }
  | { readonly kind: "reply"; readonly response: LexResponse };

const PIN_FORMAT = /^\d{4,6}$/;
const PIN_PROMPT = "For your security, please key in or say your telephone banking PIN.";

/**
 * Decides whether a sensitive intent may run. Only the auth-state table can say a session is
 * authenticated; session attributes merely claim an identity, which a PIN or the companion app
 * must then prove. Every decision is written as a security event.
 */
export async function authenticate(turn: Turn, deps: Deps): Promise<GateResult> {
  const { auth } = deps.ports;
  const claimed = turn.attributes[INPUT_ATTRIBUTES.customerId]?.trim() || undefined;
  const record = (
    customerId: string,
    type: SecurityEventType,
    detail?: Record<string, string | number | boolean>,
  ) =>
    audit(deps, {
      customerId,
      type,
      sessionId: turn.sessionId,
      intent: turn.intentName,
      ...(detail ? { detail } : {}),
    });

  const session = await auth.getSession(turn.sessionId);
  if (session !== undefined) {
    if (claimed === undefined || claimed === session.customerId) return allowed(turn, session.customerId);
    await record(session.customerId, "AUTH_IDENTITY_MISMATCH");
    return {
      kind: "reply",
      response: toAgent(turn, deps, "I can't continue with that request here.", "IdentityMismatch", "High"),
    };
  }
  if (claimed === undefined) {
    await record(`unverified#${turn.sessionId}`, "AUTH_REQUIRED", { reason: "no-customer-id" });
    return {
      kind: "reply",
      response: toAgent(
        turn,
        deps,
        "I need a colleague to confirm who you are first.",
        "IdentityUnknown",
        "Normal",
      ),
    };
  }
  if (await auth.isLocked(claimed)) {
    await record(claimed, "AUTH_BLOCKED_LOCKED");
    return { kind: "reply", response: lockedOut(turn, deps) };
  }

  const pending = await auth.pendingCompanion(turn.sessionId);
  if (pending !== undefined && pending.customerId === claimed && turn.confirmationState !== "Denied") {
    const status = await auth.companionStatus(pending.requestId);
    if (status === "APPROVE") {
      await auth.markAuthenticated(turn.sessionId, { customerId: claimed, method: "COMPANION_APP" });
      await record(claimed, "AUTH_SUCCESS", { method: "COMPANION_APP" });
      // The yes that confirmed the app approval must not confirm the intent itself (e.g. a payment).
      return allowed({ ...turn, confirmationState: "None" }, claimed);
    }
    if (status === "PENDING") {
      return {
        kind: "reply",
        response: confirmIntent(
          turn,
          "I haven't seen the approval yet. Once you've approved it in the app, say yes.",
        ),
      };
    }
    await record(claimed, "AUTH_COMPANION_DECLINED", { status });
    return {
      kind: "reply",
      response: elicitSlot(turn, AUTH_PIN_SLOT, `The app request wasn't approved. ${PIN_PROMPT}`),
    };
  }

  const pin = slotValue(turn, AUTH_PIN_SLOT);
  if (pin !== undefined) {
    if (!PIN_FORMAT.test(pin))
      return {
        kind: "reply",
        response: elicitSlot(turn, AUTH_PIN_SLOT, `Your PIN is four to six digits. ${PIN_PROMPT}`),
      };
    if (await deps.ports.banking.verifyPin(claimed, pin)) {
      await auth.markAuthenticated(turn.sessionId, { customerId: claimed, method: "PIN" });
      await auth.clearPinFailures(claimed);
      await record(claimed, "AUTH_SUCCESS", { method: "PIN" });
      return allowed(turn, claimed);
    }
    const failure = await auth.recordPinFailure(claimed, MAX_PIN_FAILURES);
    await record(claimed, "AUTH_PIN_FAILED", { failures: failure.failures });
    if (failure.locked) {
      await record(claimed, "AUTH_LOCKED", { failures: failure.failures });
      return { kind: "reply", response: lockedOut(turn, deps) };
    }
    const left = MAX_PIN_FAILURES - failure.failures;
    return {
      kind: "reply",
      response: elicitSlot(
        turn,
        AUTH_PIN_SLOT,
        `That PIN didn't match. You have ${left} ${left === 1 ? "try" : "tries"} left. ${PIN_PROMPT}`,
      ),
    };
  }

  if (
    turn.attributes[INPUT_ATTRIBUTES.preferredAuth] === "companion" &&
    deps.config.authPushTopicArn !== undefined
  ) {
    const requestId = await auth.startCompanion(turn.sessionId, claimed);
    await deps.ports.notifier.companionPush(requestId, claimed);
    await record(claimed, "AUTH_COMPANION_SENT");
    return {
      kind: "reply",
      response: confirmIntent(
        turn,
        "I've sent a request to your banking app. Approve it there, then say yes.",
      ),
    };
  }
  await record(claimed, "AUTH_REQUIRED", { method: "PIN" });
  return { kind: "reply", response: elicitSlot(turn, AUTH_PIN_SLOT, PIN_PROMPT) };
}

function allowed(turn: Turn, customerId: string): GateResult {
  return { kind: "allowed", caller: { customerId, authenticated: true }, turn };
}

function toAgent(
  turn: Turn,
  deps: Deps,
  lead: string,
  reason: string,
  priority: "Normal" | "High",
): LexResponse {
  return close(turn, "Failed", `${lead} I'm transferring you to a colleague now.`, {
    attributes: transferAttributes(deps.config.agentQueue, reason, priority),
  });
}

function lockedOut(turn: Turn, deps: Deps): LexResponse {
  return toAgent(
    turn,
    deps,
    "Telephone banking is locked after too many incorrect PINs.",
    "AuthLocked",
    "High",
  );
}
