import { blockedByLock, companionAnswer, record } from "../../auth/decisions";
import { flowError, reply } from "../response";
import { authContext, claimedCustomer, noCustomer, type Operation } from "./types";

const STATUS = {
  approved: "Approved",
  declined: "Declined",
  pending: "Pending",
  expired: "Expired",
} as const;

/**
 * `companion_push_status`: the app's answer to this contact's pending request. Approved
 * authenticates the contact in the auth-state table (as on the Lex path); `status` Approved |
 * Declined | Pending | Expired.
 */
export const companionPushStatus: Operation = async (call, deps) => {
  const ctx = authContext(call, deps);
  const claimed = claimedCustomer(call);
  if (claimed === undefined) return noCustomer(ctx);
  if (await blockedByLock(ctx, claimed)) return reply("Declined", { reason: "locked_out" });
  const pending = await deps.ports.auth.pendingCompanion(call.contactId);
  if (pending === undefined) return reply("Expired", { reason: "no_request" });
  if (pending.customerId !== claimed) {
    await record(ctx, pending.customerId, "AUTH_IDENTITY_MISMATCH", { step: "companion" });
    return flowError("identity_mismatch");
  }
  const answer = await companionAnswer(ctx, claimed, pending.requestId);
  // Locked between the check above and the approval: refused, as the check would have.
  if (answer === "locked") return reply("Declined", { reason: "locked_out" });
  return reply(STATUS[answer]);
};
