import type { Deps } from "../handlers/types";
import type { RateAction } from "../ports";
import { logger } from "../shared/logger";
import { record } from "./decisions";

/**
 * Takes one use of `action` for the contact and, when one is claimed, the customer. False (and
 * recorded as RATE_LIMITED) when either is used up. A limiter that cannot be reached lets the
 * turn through: the PIN lockout, not this, is what protects the account.
 */
export async function withinLimits(
  deps: Deps,
  contactId: string,
  customerId: string | undefined,
  action: RateAction,
  intent: string,
): Promise<boolean> {
  const { limits } = deps.ports;
  try {
    const scopes = [
      ["contact", contactId],
      ...(customerId ? [["customer", customerId] as const] : []),
    ] as const;
    for (const [scope, id] of scopes) {
      if (await limits.take(scope, id, action)) continue;
      await record(
        { deps, sessionId: contactId, intent },
        customerId ?? `unverified#${contactId}`,
        "RATE_LIMITED",
        { scope, action },
      );
      return false;
    }
    return true;
  } catch (error) {
    logger.warn("rate limiter unavailable; turn allowed", { action, error });
    return true;
  }
}
