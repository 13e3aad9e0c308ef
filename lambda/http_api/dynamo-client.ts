import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

let dynamo: Promise<DynamoDBDocumentClient> | undefined;

/** One document client per container, created on first use (the SDK chunk loads only then). */
export function documentClient(): Promise<DynamoDBDocumentClient> {
  return (dynamo ??= Promise.all([import("@aws-sdk/client-dynamodb"), import("@aws-sdk/lib-dynamodb")]).then(
    ([ddb, lib]) => lib.DynamoDBDocumentClient.from(new ddb.DynamoDBClient({ maxAttempts: 3 })),
  ));
}

/** Days to keep audit records when the environment does not say: the longest log retention, never less. */
const LONGEST_RETENTION_DAYS = 3653;

/** `AUDIT_RETENTION_DAYS` as the construct sets it (config observability.logRetentionDays). */
export function auditRetentionDays(value: string | undefined): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= LONGEST_RETENTION_DAYS
    ? days
    : LONGEST_RETENTION_DAYS;
}
