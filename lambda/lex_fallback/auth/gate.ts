import { INPUT_ATTRIBUTES } from "../contract";
import type { Deps } from "../handlers/types";
import { AUTH_PIN_SLOT } from "../intents";
import { logger } from "../shared/logger";
import { confirmIntent, elicitSlot } from "../lex/reply";
import { isVoice, slotValue, type Turn } from "../lex/turn";
import {
  PIN_FORMAT,
  auditedPinCheck,
  blockedByLock,
  checkPin,
  companionAnswer,
  identityMismatch,
  record,
  type AuthContext,
} from "./decisions";
import { allowed, lockedOut, toAgent, type GateResult } from "./outcomes";
import { limitedCompanionPush } from "./rate-limit";
import { textStepUp } from "./text-step-up";

const PIN_PROMPT = "For your security, please key in or say your telephone banking PIN.";

/**
 * Decides whether a sensitive intent may run. Only the auth-state table can say a session is
 * authenticated; session attributes merely claim an identity, which a PIN or the companion app
 * must then prove. Every decision is written as a security event (auth/decisions.ts, shared
 * with the contact-flow entry). A PIN is asked for and checked on voice turns only: text turns
 * (chat) step up through the companion app or an advisor (auth/text-step-up.ts).
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
  if (!isVoice(turn)) return textStepUp(turn, ctx, claimed);

  const pin = slotValue(turn, AUTH_PIN_SLOT);
  // A keyed PIN answers the PIN prompt, which follows a refused or expired app request: that
  // request stays in the table until its TTL and must not be asked about again.
  const pending = pin === undefined ? await auth.pendingCompanion(turn.contactId) : undefined;
  // One push per app request: while this session's request is in the table (answered or not,
  // until its TTL), a "no" or a decline falls back to the PIN and nothing is pushed again; each
  // push lands on the customer's phone, and repeated ones teach customers to approve blindly.
  if (pending !== undefined && pending.customerId === claimed) {
    // The yes or no on this turn answered the app question, not the intent (e.g. a payment still
    // to be confirmed): every way on from here leaves the intent unconfirmed.
    const unconfirmed: Turn = { ...turn, confirmationState: "None" };
    if (turn.confirmationState === "Denied") {
      await record(ctx, claimed, "AUTH_REQUIRED", { method: "PIN", reason: "companion-refused" });
      return {
        kind: "reply",
        response: elicitSlot(unconfirmed, AUTH_PIN_SLOT, `No problem. ${PIN_PROMPT}`),
      };
    }
    const answer = await companionAnswer(ctx, claimed, pending.requestId);
    if (answer === "approved") return allowed(unconfirmed, claimed);
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
      response: elicitSlot(unconfirmed, AUTH_PIN_SLOT, `The app request wasn't approved. ${PIN_PROMPT}`),
    };
  }

  if (pin !== undefined) {
    // Speech may mis-hear a PIN: re-ask without counting a failure (DTMF in the flow does count),
    // but record it as every refused PIN is (the type the chat path uses for a PIN not counted).
    if (!PIN_FORMAT.test(pin)) {
      await record(ctx, claimed, "AUTH_INPUT_REJECTED", { method: "PIN", reason: "format" });
      return {
        kind: "reply",
        response: elicitSlot(turn, AUTH_PIN_SLOT, `Your PIN is four to six digits. ${PIN_PROMPT}`),
      };
    }
    const outcome = await auditedPinCheck(ctx, claimed, () => checkPin(ctx, claimed, pin));
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
    // Not pushed (over the limits, recorded as RATE_LIMITED, or the push failed): the PIN instead,
    // as the flows fall back, rather than ending the call.
    const pushed = await limitedCompanionPush(ctx, claimed).catch(async (error: unknown) => {
      logger.warn("companion push failed", { contactId: turn.contactId, error });
      await record(ctx, claimed, "AUTH_ERROR", { method: "COMPANION_APP", reason: "push-failed" });
      return false;
    });
    if (pushed) {
      return {
        kind: "reply",
        response: confirmIntent(
          turn,
          "I've sent a request to your banking app. Approve it there, then say yes.",
        ),
      };
    }
  }
  await record(ctx, claimed, "AUTH_REQUIRED", { method: "PIN" });
  return { kind: "reply", response: elicitSlot(turn, AUTH_PIN_SLOT, PIN_PROMPT) };
}
