import type { Deps } from "../handlers/types";
import type { PinAttempt, SecurityEventType, SessionAuth } from "../ports";
import { audit } from "./audit";

/**
 * The authentication decisions both entries make (the Lex gate and the contact-flow operations):
 * each one reads and writes the auth-state table the same way and records itself as a security
 * event. Callers only decide how to phrase the outcome for their channel.
 */

/** Who is deciding: the Lex session or the Connect contact, and the intent/operation asking. */
export interface AuthContext {
  readonly deps: Deps;
  /** The Connect contact id (on the Lex path as the flow passed it; see Turn.contactId). */
  readonly sessionId: string;
  /** Intent name (Lex) or `connect:<operation>` (flows); recorded with every event. */
  readonly intent: string;
}

export type Detail = Readonly<Record<string, string | number | boolean>>;

/** Four to six digits: what the bank issues and what the auth flow lets a caller key in. */
export const PIN_FORMAT = /^\d{4,6}$/;

/** Records one decision; false when the write failed (already logged for the metric filter). */
export function record(
  ctx: AuthContext,
  customerId: string,
  type: SecurityEventType,
  detail?: Detail,
): Promise<boolean> {
  return audit(ctx.deps, {
    customerId,
    type,
    sessionId: ctx.sessionId,
    intent: ctx.intent,
    ...(detail ? { detail } : {}),
  });
}

/** A session already proven as someone else must never switch identity by a claimed id. */
export async function identityMismatch(
  ctx: AuthContext,
  session: SessionAuth,
  claimed: string | undefined,
): Promise<boolean> {
  if (claimed === undefined || claimed === session.customerId) return false;
  await record(ctx, session.customerId, "AUTH_IDENTITY_MISMATCH");
  return true;
}

/** True (and recorded) when the customer is locked out. */
export async function blockedByLock(ctx: AuthContext, customerId: string): Promise<boolean> {
  let locked: boolean;
  try {
    locked = await ctx.deps.ports.auth.isLocked(customerId);
  } catch (error) {
    // An authentication that could not even read the lock is a failed one: recorded, then handed on.
    await record(ctx, customerId, "AUTH_ERROR", { reason: "lock-check-failed" });
    throw error;
  }
  if (!locked) return false;
  await record(ctx, customerId, "AUTH_BLOCKED_LOCKED");
  return true;
}

export type PinOutcome =
  | { readonly kind: "verified" }
  | { readonly kind: "invalid"; readonly attemptsRemaining: number }
  | { readonly kind: "locked" };

/**
 * Reserves one of the customer's attempts before anything reaches the bank (the store's
 * conditional write is what bounds PIN guesses under any concurrency); undefined when locked.
 */
async function reserve(ctx: AuthContext, customerId: string): Promise<PinAttempt | undefined> {
  const reservation = await ctx.deps.ports.auth.reservePinAttempt(customerId, ctx.deps.config.maxPinAttempts);
  if (reservation.kind === "reserved") return reservation.attempt;
  await record(ctx, customerId, "AUTH_BLOCKED_LOCKED");
  return undefined;
}

/** A reserved attempt that did not prove the PIN; its reservation already counted it. */
async function attemptFailed(ctx: AuthContext, attempt: PinAttempt, detail: Detail): Promise<PinOutcome> {
  await record(ctx, attempt.customerId, "AUTH_PIN_FAILED", { failures: attempt.number, ...detail });
  if (attempt.last) {
    await record(ctx, attempt.customerId, "AUTH_LOCKED", { failures: attempt.number });
    return { kind: "locked" };
  }
  return {
    kind: "invalid",
    attemptsRemaining: Math.max(0, ctx.deps.config.maxPinAttempts - attempt.number),
  };
}

/** Counts one attempt that fails without reaching the bank; `detail` says why (e.g. a malformed PIN). */
export async function pinFailed(
  ctx: AuthContext,
  customerId: string,
  detail: Detail = {},
): Promise<PinOutcome> {
  const attempt = await reserve(ctx, customerId);
  return attempt === undefined ? { kind: "locked" } : attemptFailed(ctx, attempt, detail);
}

/**
 * Checks a well-formed PIN with the bank, inside one reserved attempt. The PIN is passed on,
 * never stored or logged. A correct PIN signs in only if the customer is not locked by then.
 */
export async function checkPin(ctx: AuthContext, customerId: string, pin: string): Promise<PinOutcome> {
  const attempt = await reserve(ctx, customerId);
  if (attempt === undefined) return { kind: "locked" };
  if (!(await ctx.deps.ports.banking.verifyPin(customerId, pin))) return attemptFailed(ctx, attempt, {});
  const signedIn = await ctx.deps.ports.auth.markAuthenticated(
    ctx.sessionId,
    { customerId, method: "PIN" },
    attempt,
  );
  if (!signedIn) {
    await record(ctx, customerId, "AUTH_BLOCKED_LOCKED", { method: "PIN" });
    return { kind: "locked" };
  }
  await record(ctx, customerId, "AUTH_SUCCESS", { method: "PIN" });
  return { kind: "verified" };
}

/**
 * Runs one PIN check (checkPin or pinFailed). A check the bank or the table could not finish is
 * still a failed authentication, so it is recorded (AUTH_ERROR) before the error goes on to the
 * entry that asked; an attempt already reserved stays counted.
 */
export async function auditedPinCheck(
  ctx: AuthContext,
  customerId: string,
  check: () => Promise<PinOutcome>,
): Promise<PinOutcome> {
  try {
    return await check();
  } catch (error) {
    await record(ctx, customerId, "AUTH_ERROR", { method: "PIN", reason: "pin-check-failed" });
    throw error;
  }
}

/** Sends a companion-app approval request bound to this session; `detail` goes on its event. */
export async function sendCompanion(ctx: AuthContext, customerId: string, detail?: Detail): Promise<void> {
  const requestId = await ctx.deps.ports.auth.startCompanion(ctx.sessionId, customerId);
  await ctx.deps.ports.notifier.companionPush(requestId, customerId);
  await record(ctx, customerId, "AUTH_COMPANION_SENT", detail);
}

export type CompanionOutcome = "approved" | "pending" | "declined" | "expired" | "locked";

/** Reads the app's answer; an approval authenticates the session, a refusal is recorded. */
export async function companionAnswer(
  ctx: AuthContext,
  customerId: string,
  requestId: string,
): Promise<CompanionOutcome> {
  const { auth } = ctx.deps.ports;
  const status = await auth.companionStatus(requestId);
  if (status === "APPROVE") {
    if (!(await auth.markAuthenticated(ctx.sessionId, { customerId, method: "COMPANION_APP" }))) {
      await record(ctx, customerId, "AUTH_BLOCKED_LOCKED", { method: "COMPANION_APP" });
      return "locked";
    }
    await record(ctx, customerId, "AUTH_SUCCESS", { method: "COMPANION_APP" });
    return "approved";
  }
  if (status === "PENDING") return "pending";
  await record(ctx, customerId, "AUTH_COMPANION_DECLINED", { status });
  return status === "DECLINE" ? "declined" : "expired";
}
