import { Logger } from "@aws-lambda-powertools/logger";
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from "aws-lambda";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { batchMetrics } from "./batch";
import { CountedContacts } from "./counted-contacts";

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

/**
 * Kinesis consumer of the Connect contact-record stream: writes one EMF line per queued contact
 * that was handled or abandoned, which CloudWatch Logs turns into ContactsHandled /
 * ContactsAbandoned per InstanceId and QueueName.
 *
 * Each contact is counted once across batches and retries: its line is written only after a
 * create-only write of its ContactId succeeds (a crash between the two undercounts one contact,
 * never double-counts it). If that write fails, the batch stops there and reports the record as
 * failed, so Kinesis delivers it and the rest again; the ones already counted are then skipped. A
 * record that cannot be read is logged and skipped: a retry would not read it either.
 */
export async function handler(event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> {
  const records = Array.isArray(event?.Records) ? event.Records : [];
  const result = batchMetrics(records, namespace, Date.now());
  for (const skipped of result.malformed) logger.warn("contact record skipped", { ...skipped });
  let repeats = 0;
  for (const contact of result.counted) {
    try {
      if (counted !== undefined && !(await counted.claim(contact.contactId))) {
        repeats++;
        continue;
      }
    } catch (error) {
      logger.error("counted-contacts write failed; batch retried from this record", {
        sequenceNumber: contact.sequenceNumber,
        error,
      });
      return { batchItemFailures: [{ itemIdentifier: contact.sequenceNumber }] };
    }
    // Straight to stdout: with the JSON log format the runtime wraps console.* output, and
    // CloudWatch only extracts metrics from a log event whose top level is the EMF document.
    process.stdout.write(`${contact.line}\n`);
  }
  logger.info("batch processed", {
    records: records.length,
    malformed: result.malformed.length,
    ...result.counts,
    alreadyCounted: repeats,
  });
  return { batchItemFailures: [] };
}
