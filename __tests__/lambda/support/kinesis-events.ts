import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { KinesisStreamEvent, KinesisStreamRecord } from "aws-lambda";

/** A contact record fixture from events/ctr/<name>.json, parsed. */
export function loadCtr(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, "../events/ctr", `${name}.json`), "utf8")) as Record<
    string,
    unknown
  >;
}

/** 2026-11-25T10:06:21Z: when Kinesis received the record (seconds, as Lambda delivers it). */
export const ARRIVAL_SECONDS = 1795601181.25;

/** One Kinesis record as the event source mapping delivers it; `data` is already base64. */
export function kinesisRecord(data: string, sequence: number): KinesisStreamRecord {
  return {
    awsRegion: "eu-west-2",
    eventID: `shardId-000000000000:${sequence}`,
    eventName: "aws:kinesis:record",
    eventSource: "aws:kinesis",
    eventSourceARN: "arn:aws:kinesis:eu-west-2:111122223333:stream/connect-comprehensive-ctr-stream",
    eventVersion: "1.0",
    invokeIdentityArn: "arn:aws:iam::111122223333:role/connect-comprehensive-ctr-metrics-role",
    kinesis: {
      approximateArrivalTimestamp: ARRIVAL_SECONDS,
      data,
      kinesisSchemaVersion: "1.0",
      partitionKey: "pk",
      sequenceNumber: `4965${String(sequence).padStart(52, "0")}`,
    },
  };
}

export const base64Json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");

export function kinesisEvent(...data: string[]): KinesisStreamEvent {
  return { Records: data.map((d, i) => kinesisRecord(d, i + 1)) };
}
