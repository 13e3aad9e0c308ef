import { Construct } from "constructs";
import { SecureTable } from "./secure-table";
import type { KeyAttribute, TableRef } from "./types";

/** The tables of the contact centre, by role. */
export type SecurityTableKey =
  | "securityEvents"
  | "authState"
  | "intents"
  | "hallucinationLogs"
  | "conversationHistory"
  | "callbacks"
  | "countedContacts";

interface TableSpec {
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
};

export interface SecurityTablesProps {
  /**
   * Prefix of every table name (`<prefix>-security-events`). For the environment migrated from the
   * HCL stack it must be the original `var.project_name`, or the moved tables are replaced.
   */
  readonly namePrefix: string;
  /** ARN of the customer-managed KMS key that encrypts every table. */
  readonly kmsKeyArn: string;
  /**
   * Deletion protection on every table; config `security.deletionProtection` (true in prod).
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/**
 * Security events, auth state and the original's intent, hallucination-log, conversation-history
 * and callback tables, all through SecureTable (PITR, CMK encryption, deletion protection).
 */
export class SecurityTables extends Construct {
  /** Authentication / fraud audit events. Keys: `customer_id` (S) + `timestamp` (S, ISO-8601); TTL `ttl`. */
  public readonly securityEvents: SecureTable;
  /**
   * Caller authentication state. Key: `request_id` (S): the code-hook Lambda stores
   * `session#<Lex session id>`, `customer#<customer id>` and companion-app request ids; TTL `ttl`.
   */
  public readonly authState: SecureTable;
  /** Utterances no intent matched. Keys: `utterance` + `timestamp`. */
  public readonly intents: SecureTable;
  /** LLM answers flagged by validation. Keys: `log_id` + `timestamp`; TTL `ttl`. */
  public readonly hallucinationLogs: SecureTable;
  /** Conversation turns per caller. Keys: `caller_id` + `timestamp`; TTL `ttl`. */
  public readonly conversationHistory: SecureTable;
  /** Callback requests. Keys: `callback_id` + `requested_at`; TTL `ttl`. */
  public readonly callbacks: SecureTable;
  /** Contacts counted by the contact-record metrics consumer. Key: `contact_id`; TTL `ttl`. */
  public readonly countedContacts: SecureTable;
  /** Every table's name and ARN by role, for IAM policies and environment variables. */
  public readonly refs: Readonly<Record<SecurityTableKey, TableRef>>;

  constructor(scope: Construct, id: string, props: SecurityTablesProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_.-]{1,200}$/.test(props.namePrefix)) {
      throw new Error(
        `${this.node.path}: namePrefix "${props.namePrefix}" cannot start a DynamoDB table name: use letters, digits, _, - or .`,
      );
    }

    const deletionProtection = props.deletionProtection ?? true;
    const make = (key: SecurityTableKey): SecureTable => {
      const spec = TABLE_SPECS[key];
      return new SecureTable(this, spec.id, {
        tableName: `${props.namePrefix}-${spec.suffix}`,
        partitionKey: spec.partitionKey,
        sortKey: spec.sortKey,
        ttlAttribute: spec.ttlAttribute,
        movedFromModule: spec.movedFromModule,
        kmsKeyArn: props.kmsKeyArn,
        deletionProtection,
      });
    };

    this.securityEvents = make("securityEvents");
    this.authState = make("authState");
    this.intents = make("intents");
    this.hallucinationLogs = make("hallucinationLogs");
    this.conversationHistory = make("conversationHistory");
    this.callbacks = make("callbacks");
    this.countedContacts = make("countedContacts");

    const ref = (t: SecureTable): TableRef => ({ name: t.name, arn: t.arn });
    this.refs = {
      securityEvents: ref(this.securityEvents),
      authState: ref(this.authState),
      intents: ref(this.intents),
      hallucinationLogs: ref(this.hallucinationLogs),
      conversationHistory: ref(this.conversationHistory),
      callbacks: ref(this.callbacks),
      countedContacts: ref(this.countedContacts),
    };
  }
}
