import { MAX_PIN_FAILURES } from "../config";
import type { Deps } from "../handlers/types";
import type { SecurityEventType, SessionAuth } from "../ports";
import { audit } from "./audit";

/**
 * The authentication decisions both entries make (the Lex gate and the contact-flow operations):
 * each one reads and writes the auth-state table the same way and records itself as a security
 * event. Callers only decide how to phrase the outcome for their channel.
 */

/** Who is deciding: the Lex session or the Connect contact, and the intent/operation asking. */
export interface AuthContext {
  readonly deps: Deps;
  /** Lex session id, or the Connect contact id on the flow path. */
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
  if (!(await ctx.deps.ports.auth.isLocked(customerId))) return false;
  await record(ctx, customerId, "AUTH_BLOCKED_LOCKED");
  return true;
}

export type PinOutcome =
  | { readonly kind: "verified" }
  | { readonly kind: "invalid"; readonly attemptsRemaining: number }
  | { readonly kind: "locked" };

/** Marks the session authenticated by PIN and clears the failure count. */
async function pinVerified(ctx: AuthContext, customerId: string): Promise<PinOutcome> {
  const { auth } = ctx.deps.ports;
  await auth.markAuthenticated(ctx.sessionId, { customerId, method: "PIN" });
  await auth.clearPinFailures(customerId);
  await record(ctx, customerId, "AUTH_SUCCESS", { method: "PIN" });
  return { kind: "verified" };
}

/**
 * Counts one failed PIN (conditional write, so a locked customer stays locked) and locks at
 * MAX_PIN_FAILURES. `detail` says why, beyond a PIN the bank refused.
 */
export async function pinFailed(
  ctx: AuthContext,
  customerId: string,
  detail: Detail = {},
): Promise<PinOutcome> {
  const failure = await ctx.deps.ports.auth.recordPinFailure(customerId, MAX_PIN_FAILURES);
  await record(ctx, customerId, "AUTH_PIN_FAILED", { failures: failure.failures, ...detail });
  if (failure.locked) {
    await record(ctx, customerId, "AUTH_LOCKED", { failures: failure.failures });
    return { kind: "locked" };
  }
  return { kind: "invalid", attemptsRemaining: Math.max(0, MAX_PIN_FAILURES - failure.failures) };
}

/** Checks a well-formed PIN with the bank. The PIN is passed on, never stored or logged. */
export async function checkPin(ctx: AuthContext, customerId: string, pin: string): Promise<PinOutcome> {
  return (await ctx.deps.ports.banking.verifyPin(customerId, pin))
    ? pinVerified(ctx, customerId)
    : pinFailed(ctx, customerId);
}

/** Sends a companion-app approval request bound to this session. */
export async function sendCompanion(ctx: AuthContext, customerId: string): Promise<void> {
  const requestId = await ctx.deps.ports.auth.startCompanion(ctx.sessionId, customerId);
  await ctx.deps.ports.notifier.companionPush(requestId, customerId);
  await record(ctx, customerId, "AUTH_COMPANION_SENT");
}

export type CompanionOutcome = "approved" | "pending" | "declined" | "expired";

/** Reads the app's answer; an approval authenticates the session, a refusal is recorded. */
export async function companionAnswer(
  ctx: AuthContext,
  customerId: string,
  requestId: string,
): Promise<CompanionOutcome> {
  const { auth } = ctx.deps.ports;
  const status = await auth.companionStatus(requestId);
  if (status === "APPROVE") {
    await auth.markAuthenticated(ctx.sessionId, { customerId, method: "COMPANION_APP" });
    await record(ctx, customerId, "AUTH_SUCCESS", { method: "COMPANION_APP" });
    return "approved";
  }
  if (status === "PENDING") return "pending";
  await record(ctx, customerId, "AUTH_COMPANION_DECLINED", { status });
  return status === "DECLINE" ? "declined" : "expired";
}
