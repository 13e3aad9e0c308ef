import type { SecurityEvent } from "../ports";
import { logger } from "../shared/logger";
import type { Deps } from "../handlers/types";

/**
 * Writes one security decision. The adapter retries; if the write still fails the decision is
 * logged as SECURITY_EVENT_UNWRITTEN (no PII) for the metric filter, and the turn goes on.
 * Resolves to whether the event was written.
 */
export async function audit(deps: Deps, event: SecurityEvent): Promise<boolean> {
  try {
    await deps.ports.security.record(event);
    return true;
  } catch (error) {
    logger.error("SECURITY_EVENT_UNWRITTEN", {
      event: "SECURITY_EVENT_UNWRITTEN",
      securityEvent: event,
      error,
    });
    return false;
  }
}
