import type { KinesisStreamRecord } from "aws-lambda";
import { decodeContactRecord } from "./contact-record";
import { contactMetricLine } from "./emf";
import { queueOutcome } from "./outcome";

/** A record that carried no usable contact record, identified without repeating its content. */
export interface SkippedRecord {
  /** Kinesis sequence number, when the record has one. */
  readonly sequenceNumber: string | undefined;
  /** Position in the batch, for a record without a sequence number. */
  readonly position: number;
  readonly reason: string;
}

/** One queued contact that was handled or abandoned, with its metric line. */
export interface CountedContact {
  readonly contactId: string;
  readonly sequenceNumber: string;
  /** Position in the batch. */
  readonly position: number;
  readonly line: string;
}

export interface BatchMetrics {
  /** EMF documents, one per queued contact that was handled or abandoned. */
  readonly lines: readonly string[];
  /** The same, with the contact and the record each line came from (for cross-batch dedupe). */
  readonly counted: readonly CountedContact[];
  /** Records that could not be read, or had no sequence number; skipped, not retried (a retry cannot fix them). */
  readonly malformed: readonly SkippedRecord[];
  readonly counts: {
    readonly handled: number;
    readonly abandoned: number;
    /** Contacts that were never queued or left the queue another way. */
    readonly uncounted: number;
    /** Repeats of a ContactId already counted in this batch (Connect delivers at least once). */
    readonly duplicates: number;
  };
}

/**
 * Kinesis arrival time of the record (when Connect wrote the CTR), so a batch replayed or processed
 * late lands in the period the contact ended in, not the one it was processed in.
 */
function timestampOf(record: KinesisStreamRecord, now: number): number {
  const seconds = record.kinesis?.approximateArrivalTimestamp;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0
    ? Math.round(seconds * 1000)
    : now;
}

/** The metric lines of one batch; pure, never throws (a throw would block the shard). */
export function batchMetrics(
  records: readonly KinesisStreamRecord[],
  namespace: string,
  now: number,
): BatchMetrics {
  const counted: CountedContact[] = [];
  const malformed: SkippedRecord[] = [];
  const seen = new Set<string>();
  const counts = { handled: 0, abandoned: 0, uncounted: 0, duplicates: 0 };
  records.forEach((record, position) => {
    const raw = record?.kinesis?.sequenceNumber;
    const sequenceNumber = typeof raw === "string" && raw.length > 0 ? raw : undefined;
    // Without its sequence number a record cannot be reported for a retry (Lambda would retry the
    // whole batch), so it is not counted either: Kinesis always sends one.
    if (sequenceNumber === undefined) {
      malformed.push({ sequenceNumber, position, reason: "kinesis.sequenceNumber missing" });
      return;
    }
    const data = record?.kinesis?.data;
    const decoded =
      typeof data === "string"
        ? decodeContactRecord(data)
        : ({ ok: false, reason: "kinesis.data missing" } as const);
    if (!decoded.ok) {
      malformed.push({ sequenceNumber, position, reason: decoded.reason });
      return;
    }
    const outcome = queueOutcome(decoded.record);
    if (seen.has(outcome.contactId)) {
      counts.duplicates++;
      return;
    }
    seen.add(outcome.contactId);
    if (outcome.kind === "none") {
      counts.uncounted++;
      return;
    }
    counts[outcome.kind]++;
    const line = contactMetricLine(namespace, outcome, timestampOf(record, now));
    counted.push({ contactId: outcome.contactId, sequenceNumber, position, line });
  });
  return { lines: counted.map((c) => c.line), counted, malformed, counts };
}
