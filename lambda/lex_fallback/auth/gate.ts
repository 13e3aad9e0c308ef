import { INPUT_ATTRIBUTES } from "../contract";
import { transferAttributes } from "../handlers/common";
import type { Deps } from "../handlers/types";
import { AUTH_PIN_SLOT } from "../intents";
import { close, confirmIntent, elicitSlot } from "../lex/reply";
import type { LexResponse } from "../lex/response";
import { slotValue, type Caller, type Turn } from "../lex/turn";
import {
  PIN_FORMAT,
  blockedByLock,
  checkPin,
  companionAnswer,
  identityMismatch,
  record,
  sendCompanion,
  type AuthContext,
} from "./decisions";

export type GateResult =
  | { readonly kind: "allowed"; readonly caller: Caller; readonly turn: Turn }
  | { readonly kind: "reply"; readonly response: LexResponse };

const PIN_PROMPT = "For your security, please key in or say your telephone banking PIN.";

/**
 * Decides whether a sensitive intent may run. Only the auth-state table can say a session is
 * authenticated; session attributes merely claim an identity, which a PIN or the companion app
 * must then prove. Every decision is written as a security event (auth/decisions.ts, shared
 * with the contact-flow entry).
 */
export async function authenticate(turn: Turn, deps: Deps): Promise<GateResult> {
  const { auth } = deps.ports;
  const ctx: AuthContext = { deps, sessionId: turn.contactId, intent: turn.intentName };
  const claimed = turn.attributes[INPUT_ATTRIBUTES.customerId]?.trim() || undefined;

  const session = await auth.getSession(turn.contactId);
  if (session !== undefined) {
    if (!(await identityMismatch(ctx, session, claimed))) return allowed(turn, session.customerId);
    return {
      kind: "reply",
      response: toAgent(turn, deps, "I can't continue with that request here.", "IdentityMismatch", "High"),
    };
  }
  if (claimed === undefined) {
    await record(ctx, `unverified#${turn.contactId}`, "AUTH_REQUIRED", { reason: "no-customer-id" });
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
  if (await blockedByLock(ctx, claimed)) return { kind: "reply", response: lockedOut(turn, deps) };

  const pending = await auth.pendingCompanion(turn.contactId);
  if (pending !== undefined && pending.customerId === claimed && turn.confirmationState !== "Denied") {
    const answer = await companionAnswer(ctx, claimed, pending.requestId);
    // The yes that confirmed the app approval must not confirm the intent itself (e.g. a payment).
    if (answer === "approved") return allowed({ ...turn, confirmationState: "None" }, claimed);
    if (answer === "locked") return { kind: "reply", response: lockedOut(turn, deps) };
    if (answer === "pending") {
      return {
        kind: "reply",
        response: confirmIntent(
          turn,
          "I haven't seen the approval yet. Once you've approved it in the app, say yes.",
        ),
      };
    }
    return {
      kind: "reply",
      response: elicitSlot(turn, AUTH_PIN_SLOT, `The app request wasn't approved. ${PIN_PROMPT}`),
    };
  }

  const pin = slotValue(turn, AUTH_PIN_SLOT);
  if (pin !== undefined) {
    // Speech may mis-hear a PIN: re-ask without counting a failure (DTMF in the flow does count).
    if (!PIN_FORMAT.test(pin))
      return {
        kind: "reply",
        response: elicitSlot(turn, AUTH_PIN_SLOT, `Your PIN is four to six digits. ${PIN_PROMPT}`),
      };
    const outcome = await checkPin(ctx, claimed, pin);
    if (outcome.kind === "verified") return allowed(turn, claimed);
    if (outcome.kind === "locked") return { kind: "reply", response: lockedOut(turn, deps) };
    const left = outcome.attemptsRemaining;
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
    await sendCompanion(ctx, claimed);
    return {
      kind: "reply",
      response: confirmIntent(
        turn,
        "I've sent a request to your banking app. Approve it there, then say yes.",
      ),
    };
  }
  await record(ctx, claimed, "AUTH_REQUIRED", { method: "PIN" });
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
