import { blockedByLock } from "../../auth/decisions";
import { limitedCompanionPush } from "../../auth/rate-limit";
import { logger } from "../../shared/logger";
import { reply } from "../response";
import { authContext, claimedCustomer, noCustomer, type Operation } from "./types";

/**
 * `companion_push_send`: creates the pending approval bound to this contact and pushes it to the
 * customer's app. `status` Sent, or Failed (with a reason: companion_disabled, locked_out,
 * rate_limited, push_failed) so the flow falls back to the PIN.
 */
export const companionPushSend: Operation = async (call, deps) => {
  const ctx = authContext(call, deps);
  const claimed = claimedCustomer(call);
  if (claimed === undefined) return noCustomer(ctx);
  if (deps.config.authPushTopicArn === undefined) return reply("Failed", { reason: "companion_disabled" });
  if (await blockedByLock(ctx, claimed)) return reply("Failed", { reason: "locked_out" });
  try {
    if (!(await limitedCompanionPush(ctx, claimed))) return reply("Failed", { reason: "rate_limited" });
  } catch (error) {
    logger.warn("companion push failed", { contactId: call.contactId, error });
    return reply("Failed", { reason: "push_failed" });
  }
  return reply("Sent");
};
