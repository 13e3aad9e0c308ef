import type { IntentInput } from "../../lex/turn";
import type { FraudAlert, SecurityEventType } from "../../ports";
import { audit } from "../../auth/audit";
import { logger } from "../../shared/logger";
import type { Deps } from "../types";

/** How long the topic gets before the alert also goes to the backup queue (duplicates carry alertId). */
const TOPIC_WAIT_MS = 1200;
/** Longest the caller waits for delivery before the transfer goes ahead regardless. */
const DELIVERY_CAP_MS = 2000;

/** Log event name a CloudWatch metric filter counts (see LexFallbackLambda): the alert reached neither channel. */
export const UNDELIVERED_EVENT = "FRAUD_ALERT_UNDELIVERED";

/** The id events are stored under: verified id, else the claimed one, else the session. */
export function subjectId(input: IntentInput): string {
  return input.caller.customerId ?? `unverified#${input.sessionId}`;
}

type Channel = "topic" | "backupQueue";

function settlesWithin<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  return Promise.race([work, cap]).finally(() => clearTimeout(timer));
}

/**
 * The alert goes to the fraud topic; if the topic fails or is slow, to the encrypted backup queue.
 * Resolves to the channel that took it, or undefined when both failed within the cap.
 */
async function deliver(deps: Deps, alert: FraudAlert): Promise<Channel | undefined> {
  const topic = deps.ports.notifier.fraudAlert(alert).then(
    () => "topic" as const,
    (error: unknown) => {
      logger.warn("fraud alert topic failed", { alertType: alert.alertType, error });
      return undefined;
    },
  );
  if ((await settlesWithin(topic, TOPIC_WAIT_MS)) === "topic") return "topic";
  const queued = deps.ports.fraudBackup.enqueue(alert).then(
    () => "backupQueue" as const,
    (error: unknown) => {
      logger.warn("fraud alert backup queue failed", { alertType: alert.alertType, error });
      return undefined;
    },
  );
  // The topic may still answer while the queue is tried: the first channel that takes it is enough.
  return Promise.race([topic.then((t) => t ?? queued), queued.then((q) => q ?? topic)]);
}

/**
 * Delivers the fraud alert (topic, else backup queue) and writes the security event in parallel.
 * Only an alert that reached neither channel is logged as FRAUD_ALERT_UNDELIVERED (ids and flags,
 * no PII), which a metric filter counts and an alarm watches; operations can replay it from the
 * log. Never throws: the caller is escalated whether or not delivery worked.
 */
export async function raiseFraudAlert(
  input: IntentInput,
  deps: Deps,
  alert: FraudAlert,
  eventType: SecurityEventType,
): Promise<void> {
  const recorded = audit(deps, {
    customerId: alert.customerId,
    type: eventType,
    sessionId: input.sessionId,
    intent: input.intentName,
    detail: {
      severity: alert.severity,
      authenticated: alert.authenticated,
      cardsBlocked: alert.cardsBlocked,
    },
  });
  const [channel] = await Promise.all([settlesWithin(deliver(deps, alert), DELIVERY_CAP_MS), recorded]);
  if (channel === "timeout" || channel === undefined) {
    logger.error(UNDELIVERED_EVENT, { event: UNDELIVERED_EVENT, alert });
  } else {
    logger.info("fraud alert delivered", { alertType: alert.alertType, severity: alert.severity, channel });
  }
}
