import { EncryptedInputError } from "../../auth/connect-input-decrypt";
import {
  PIN_FORMAT,
  auditedPinCheck,
  blockedByLock,
  checkPin,
  identityMismatch,
  pinFailed,
  record,
} from "../../auth/decisions";
import { logger } from "../../shared/logger";
import { flowError, reply } from "../response";
import { authContext, claimedCustomer, noCustomer, type Operation } from "./types";

/**
 * `verify_pin`: the keyed PIN (`pin` = `$.StoredCustomerInput`) checked through the same decisions
 * as the Lex gate: lock check, bank check, failure count with lockout at three, security event for
 * each, and for a check that the bank or the table failed (AUTH_ERROR). Unlike Lex, a keyed entry
 * that is not 4-6 digits counts as a failed attempt: DTMF cannot be mis-heard, and the flow's own
 * loop counts it, so the table and the flow agree on "three tries".
 * With encrypted entry configured, `pin` is Connect's ciphertext: one that does not decrypt (a
 * plain PIN included) is refused as `unreadable_input` without using an attempt.
 * Returns `status` Verified | Invalid | LockedOut and `attemptsRemaining`.
 */
export const verifyPin: Operation = async (call, deps) => {
  const ctx = authContext(call, deps);
  const claimed = claimedCustomer(call);
  if (claimed === undefined) return noCustomer(ctx);
  const session = await deps.ports.auth.getSession(call.contactId);
  if (session !== undefined && (await identityMismatch(ctx, session, claimed)))
    return flowError("identity_mismatch");
  if (await blockedByLock(ctx, claimed)) return reply("LockedOut", { attemptsRemaining: "0" });

  let pin: string;
  try {
    pin = await deps.ports.pinInput.read(call.parameters.pin ?? "");
  } catch (error) {
    if (!(error instanceof EncryptedInputError)) throw error;
    // Not the caller's keying: no attempt is used, the refusal is recorded, the flow ends in error.
    logger.warn("encrypted PIN refused", { reason: error.message });
    await record(ctx, claimed, "AUTH_INPUT_REJECTED", { reason: error.message });
    return flowError("unreadable_input");
  }
  const outcome = await auditedPinCheck(ctx, claimed, () =>
    PIN_FORMAT.test(pin) ? checkPin(ctx, claimed, pin) : pinFailed(ctx, claimed, { reason: "format" }),
  );
  if (outcome.kind === "verified") return reply("Verified");
  if (outcome.kind === "locked") return reply("LockedOut", { attemptsRemaining: "0" });
  return reply("Invalid", { attemptsRemaining: String(outcome.attemptsRemaining) });
};
