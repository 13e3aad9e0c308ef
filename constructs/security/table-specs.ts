/**
 * The contact centre's tables as data: names, keys and TTLs. Kept apart from the construct (no
 * cdktf here) because the Lambda integration tests create these tables in a local DynamoDB.
 */
import type { KeyAttribute } from "./types";

/** The tables of the contact centre, by role. */
export type SecurityTableKey =
  | "securityEvents"
  | "authState"
  | "intents"
  | "hallucinationLogs"
  | "conversationHistory"
  | "callbacks"
  | "countedContacts"
  | "customerAccess";

export interface TableSpec {
  /** Construct id; also the snake-cased Terraform name of a new table. */
  readonly id: string;
  /** Appended to the name prefix. */
  readonly suffix: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly ttlAttribute?: string;
  /** HCL module that held the table in the original stack. */
  readonly movedFromModule?: string;
}

/**
 * One row per table. Names and keys of the five original tables are the original's: a different
 * name or key replaces the table, so change them only with a data migration plan.
 */
export const TABLE_SPECS: Readonly<Record<SecurityTableKey, TableSpec>> = {
  // Audit trail of authentication and fraud events; `timestamp` is ISO-8601 so it sorts as a string.
  securityEvents: {
    id: "security_events",
    suffix: "security-events",
    partitionKey: { name: "customer_id" },
    sortKey: { name: "timestamp" },
    ttlAttribute: "ttl",
  },
  // Key as in the original and as lambda/lex_fallback/adapters/dynamo-auth-store.ts uses it:
  // `request_id` holds `session#<lex session id>`, `customer#<id>` or a companion request id.
  authState: {
    id: "auth_state",
    suffix: "auth-state",
    partitionKey: { name: "request_id" },
    ttlAttribute: "ttl",
    movedFromModule: "auth_state_table",
  },
  intents: {
    id: "intents",
    suffix: "new-intents",
    partitionKey: { name: "utterance" },
    sortKey: { name: "timestamp" },
    movedFromModule: "intent_table",
  },
  hallucinationLogs: {
    id: "hallucination_logs",
    suffix: "hallucination-logs",
    partitionKey: { name: "log_id" },
    sortKey: { name: "timestamp" },
    ttlAttribute: "ttl",
    movedFromModule: "hallucination_logs_table",
  },
  conversationHistory: {
    id: "conversation_history",
    suffix: "conversation-history",
    partitionKey: { name: "caller_id" },
    sortKey: { name: "timestamp" },
    ttlAttribute: "ttl",
    movedFromModule: "conversation_history_table",
  },
  callbacks: {
    id: "callbacks",
    suffix: "callbacks",
    partitionKey: { name: "callback_id" },
    sortKey: { name: "requested_at" },
    ttlAttribute: "ttl",
    movedFromModule: "callback_table",
  },
  // Contacts the ctr_metrics consumer has counted (lambda/ctr_metrics/counted-contacts.ts): one
  // create-only item per ContactId, so a redelivered Kinesis batch is not counted twice; items
  // expire after 8 days, beyond the longest record age the event source mapping delivers.
  countedContacts: {
    id: "counted_contacts",
    suffix: "counted-contacts",
    partitionKey: { name: "contact_id" },
    ttlAttribute: "ttl",
  },
  // Who read or answered for which customer (lambda/http_api/access-audit.ts): one create-only
  // record per CRM lookup and per companion answer, `accessed_at` = ISO time + random suffix, so
  // "who looked at this customer" is one Query; kept as long as the logs (TTL set by the writer).
  customerAccess: {
    id: "customer_access",
    suffix: "customer-access",
    partitionKey: { name: "customer_id" },
    sortKey: { name: "accessed_at" },
    ttlAttribute: "ttl",
  },
};
