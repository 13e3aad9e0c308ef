import { Logger } from "@aws-lambda-powertools/logger";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { type Applied, CallbackStatusStore } from "./callback-store";
import { readContactEvent } from "./contact-event";
import { transitionFor } from "./lifecycle";

/** The config default (config/schema/observability.ts); the construct always sets the variable. */
export const DEFAULT_NAMESPACE = "ConnectComprehensive/ContactRecords";
/** Metric counting contact events by Outcome (advanced, unchanged, unmatched, ignored). */
export const EVENTS_METRIC = "CallbackStatusEvents";

export type Outcome = Applied["outcome"] | "ignored";

export interface HandlerDeps {
  readonly store: Pick<CallbackStatusStore, "apply">;
  readonly namespace: string;
  readonly logger: Pick<Logger, "info" | "warn">;
  /** Where EMF lines go: stdout in Lambda. */
  readonly writeMetric: (line: string) => void;
  readonly now: () => Date;
}

/** One Embedded Metric Format line: EventBridge invokes once per event, so one count per call. */
export function outcomeMetricLine(namespace: string, outcome: Outcome, timestampMs: number): string {
  return JSON.stringify({
    _aws: {
      Timestamp: timestampMs,
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [["Outcome"]],
          Metrics: [{ Name: EVENTS_METRIC, Unit: "Count" }],
        },
      ],
    },
    Outcome: outcome,
    [EVENTS_METRIC]: 1,
  });
}

/**
 * The orchestrator: read the event, map it to a forward move (pure), apply it (one conditional
 * UpdateItem), count the outcome. An event it cannot use is logged and counted, never retried: a
 * retry would not read it either. A DynamoDB failure throws, so Lambda retries the event and then
 * hands it to the on-failure destination (the dead-letter queue). Contact ids only in the logs:
 * the record's phone number is never read.
 */
export function handlerFor(deps: HandlerDeps): (event: unknown) => Promise<Outcome> {
  const count = (outcome: Outcome): Outcome => {
    deps.writeMetric(outcomeMetricLine(deps.namespace, outcome, deps.now().getTime()));
    return outcome;
  };
  return async (event) => {
    const read = readContactEvent(event);
    if (!read.ok) {
      deps.logger.warn("contact event skipped", { reason: read.reason });
      return count("ignored");
    }
    const mapping = transitionFor(read.event, deps.now());
    if (mapping.kind === "ignored") {
      deps.logger.info("contact event not part of a callback lifecycle", {
        contactId: read.event.contactId,
        reason: mapping.reason,
      });
      return count("ignored");
    }
    const { transition } = mapping;
    const applied = await deps.store.apply(transition);
    deps.logger.info("callback status event", {
      callbackContactId: transition.callbackContactId,
      eventType: transition.eventType,
      to: transition.to,
      outcome: applied.outcome,
      ...(applied.outcome === "unmatched" ? {} : { callbackId: applied.requestId }),
    });
    return count(applied.outcome);
  };
}

let client: Promise<DynamoDBClient> | undefined;
const dynamo = () =>
  (client ??= import("@aws-sdk/client-dynamodb").then((m) => new m.DynamoDBClient({ maxAttempts: 3 })));

const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "callback-status" });

/**
 * EventBridge target: Amazon Connect contact events of callback contacts (the rule filters
 * initiationMethod CALLBACK) → the callbacks-table record of the request moves forward.
 */
export const handler = handlerFor({
  store: new CallbackStatusStore(process.env.CALLBACK_TABLE_NAME ?? "", dynamo),
  namespace: process.env.CALLBACK_METRICS_NAMESPACE || DEFAULT_NAMESPACE,
  logger,
  // Straight to stdout: CloudWatch extracts metrics only from a log event whose top level is EMF.
  writeMetric: (line) => void process.stdout.write(`${line}\n`),
  now: () => new Date(),
});
