import { blockedByLock, sendCompanion } from "../../auth/decisions";
import { withinLimits } from "../../auth/rate-limit";
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
  // Each push lands on the customer's phone: the same limits as any sensitive turn.
  if (!(await withinLimits(deps, call.contactId, claimed, "sensitive", ctx.intent)))
    return reply("Failed", { reason: "rate_limited" });
  try {
    await sendCompanion(ctx, claimed);
  } catch (error) {
    logger.warn("companion push failed", { contactId: call.contactId, error });
    return reply("Failed", { reason: "push_failed" });
  }
  return reply("Sent");
};
