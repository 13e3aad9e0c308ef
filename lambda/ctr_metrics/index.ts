import { Logger } from "@aws-lambda-powertools/logger";
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from "aws-lambda";
import { batchMetrics } from "./batch";

/** The config default (config/schema/observability.ts); the construct always sets the variable. */
export const DEFAULT_NAMESPACE = "ConnectComprehensive/ContactRecords";

const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "ctr-metrics" });
const namespace = process.env.CONTACT_METRICS_NAMESPACE || DEFAULT_NAMESPACE;

/**
 * Kinesis consumer of the Connect contact-record stream: writes one EMF line per queued contact
 * that was handled or abandoned, which CloudWatch Logs turns into ContactsHandled /
 * ContactsAbandoned per InstanceId and QueueName.
 *
 * batchItemFailures is always empty: the only work is writing to stdout, which has no transient
 * failure to retry, and a record that cannot be read will not read on a retry either (it is logged
 * and skipped). Reporting it would only hold the shard back.
 */
export async function handler(event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> {
  const records = Array.isArray(event?.Records) ? event.Records : [];
  const result = batchMetrics(records, namespace, Date.now());
  // Straight to stdout: with the JSON log format the runtime wraps console.* output, and CloudWatch
  // only extracts metrics from a log event whose top level is the EMF document.
  for (const line of result.lines) process.stdout.write(`${line}\n`);
  for (const skipped of result.malformed) logger.warn("contact record skipped", { ...skipped });
  logger.info("batch processed", {
    records: records.length,
    malformed: result.malformed.length,
    ...result.counts,
  });
  return { batchItemFailures: [] };
}
