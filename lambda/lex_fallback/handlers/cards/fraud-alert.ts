import type { IntentInput } from "../../lex/turn";
import type { FraudAlert, SecurityEventType } from "../../ports";
import { logger } from "../../shared/logger";
import type { Deps } from "../types";

/** Longest the caller waits for alert delivery before the transfer goes ahead regardless. */
const DELIVERY_CAP_MS = 1500;

/** Log event name a CloudWatch metric filter counts; see LexFallbackLambda. */
export const UNDELIVERED_EVENT = "FRAUD_ALERT_UNDELIVERED";

/** The id events are stored under: verified id, else the claimed one, else the session. */
export function subjectId(input: IntentInput): string {
  return input.caller.customerId ?? `unverified#${input.sessionId}`;
}

/**
 * Sends the SNS fraud alert and writes the security event in parallel. Both adapters retry with
 * backoff; whatever still fails is logged once as FRAUD_ALERT_UNDELIVERED with the alert (ids and
 * flags only, no PII) so the metric filter alarms and operations can replay it from the log.
 * Never throws: the caller is escalated whether or not delivery worked.
 */
export async function raiseFraudAlert(
  input: IntentInput,
  deps: Deps,
  alert: FraudAlert,
  eventType: SecurityEventType,
): Promise<void> {
  const deliveries = Promise.allSettled([
    deps.ports.notifier.fraudAlert(alert),
    deps.ports.security.record({
      customerId: alert.customerId,
      type: eventType,
      sessionId: input.sessionId,
      intent: input.intentName,
      detail: {
        severity: alert.severity,
        authenticated: alert.authenticated,
        cardsBlocked: alert.cardsBlocked,
      },
    }),
  ]);
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), DELIVERY_CAP_MS);
  });
  const outcome = await Promise.race([deliveries, cap]);
  clearTimeout(timer);

  const failed =
    outcome === "timeout"
      ? ["sns", "securityEvents"]
      : (["sns", "securityEvents"] as const).filter((_, i) => outcome[i]?.status === "rejected");
  if (failed.length > 0) {
    logger.error(UNDELIVERED_EVENT, { event: UNDELIVERED_EVENT, failed, alert });
  } else {
    logger.info("fraud alert delivered", { alertType: alert.alertType, severity: alert.severity });
  }
}
