import { Logger } from "@aws-lambda-powertools/logger";
import type { KinesisStreamBatchResponse, KinesisStreamRecord } from "aws-lambda";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { batchMetrics, type CountedContact, type SkippedRecord } from "./batch";
import { CountedContacts, UnwritableContactError } from "./counted-contacts";
import { skippedMetricLine, type SkipReason } from "./emf";

/** The config default (config/schema/observability.ts); the construct always sets the variable. */
export const DEFAULT_NAMESPACE = "ConnectComprehensive/ContactRecords";

const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "ctr-metrics" });
const namespace = process.env.CONTACT_METRICS_NAMESPACE || DEFAULT_NAMESPACE;

let client: Promise<DynamoDBClient> | undefined;
const dynamo = () =>
  (client ??= import("@aws-sdk/client-dynamodb").then((m) => new m.DynamoDBClient({ maxAttempts: 3 })));
const table = process.env.COUNTED_CONTACTS_TABLE_NAME ?? "";
/** Without the table (a misconfiguration) contacts are still counted once per batch. */
const counted = table === "" ? undefined : new CountedContacts(table, dynamo);

/** Straight to stdout: CloudWatch extracts metrics only from a log event whose top level is EMF. */
const writeLine = (line: string) => void process.stdout.write(`${line}\n`);

/** What arrived instead of an object, for the log (never its content). */
const kindOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * Kinesis consumer of the Connect contact-record stream: writes one EMF line per queued contact
 * that was handled or abandoned, which CloudWatch Logs turns into ContactsHandled /
 * ContactsAbandoned per InstanceId and QueueName.
 *
 * Each contact is counted once across batches and retries: its line is written only after a
 * create-only write of its ContactId succeeds (a crash between the two undercounts one contact,
 * never double-counts it). If that write fails in a way that can pass, the batch stops there and
 * reports the record's sequence number (Lambda's partial batch response), so Kinesis delivers it
 * and the rest again; the ones already counted are then skipped. A record no retry can help (it
 * cannot be read, has no sequence number, or DynamoDB refuses its item) is skipped with a warning
 * and counted in ContactRecordsSkipped, never reported: reporting it would bring it back forever.
 */
export async function handler(event: unknown): Promise<KinesisStreamBatchResponse> {
  if (typeof event !== "object" || event === null || Array.isArray(event)) {
    logger.warn("not a Kinesis event: nothing to count", { received: kindOf(event) });
    return { batchItemFailures: [] };
  }
  const given = (event as { Records?: unknown }).Records;
  const records = Array.isArray(given) ? (given as KinesisStreamRecord[]) : [];
  const now = Date.now();
  const result = batchMetrics(records, namespace, now);
  const unwritable: SkippedRecord[] = [];
  let repeats = 0;
  let failedAt: CountedContact | undefined;
  for (const contact of result.counted) {
    try {
      if (counted !== undefined && !(await counted.claim(contact.contactId))) {
        repeats++;
        continue;
      }
    } catch (error) {
      if (error instanceof UnwritableContactError) {
        unwritable.push({
          sequenceNumber: contact.sequenceNumber,
          position: contact.position,
          reason: error.message,
        });
        continue;
      }
      logger.error("counted-contacts write failed; batch retried from this record", {
        sequenceNumber: contact.sequenceNumber,
        error,
      });
      failedAt = contact;
      break;
    }
    writeLine(contact.line);
  }
  // Records before a reported one are checkpointed and never come back: their skips are final.
  // Those after it come again and are counted then.
  const final = (skipped: SkippedRecord) => failedAt === undefined || skipped.position < failedAt.position;
  const skipped = {
    unreadable: result.malformed.filter(final),
    unwritable: unwritable.filter(final),
  } as const;
  for (const [reason, list] of Object.entries(skipped) as [SkipReason, SkippedRecord[]][]) {
    for (const record of list)
      logger.warn("contact record skipped", {
        reason: record.reason,
        skipped: reason,
        ...(record.sequenceNumber === undefined
          ? { position: record.position }
          : { sequenceNumber: record.sequenceNumber }),
      });
    if (list.length > 0) writeLine(skippedMetricLine(namespace, reason, list.length, now));
  }
  if (failedAt !== undefined) return { batchItemFailures: [{ itemIdentifier: failedAt.sequenceNumber }] };
  logger.info("batch processed", {
    records: records.length,
    malformed: result.malformed.length,
    unwritable: unwritable.length,
    ...result.counts,
    alreadyCounted: repeats,
  });
  return { batchItemFailures: [] };
}
