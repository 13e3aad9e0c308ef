import { Construct } from "constructs";
import { SecureTable } from "./secure-table";
import { TABLE_SPECS, type SecurityTableKey } from "./table-specs";
import type { TableRef } from "./types";

export { TABLE_SPECS, type SecurityTableKey, type TableSpec } from "./table-specs";

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
 * Security events, auth state, the customer-access audit and the original's intent,
 * hallucination-log, conversation-history and callback tables, all through SecureTable (PITR, CMK encryption, deletion protection).
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
  /** Customer-data access audit (CRM lookups, companion answers), append-only. Keys: `customer_id` + `accessed_at`; TTL `ttl`. */
  public readonly customerAccess: SecureTable;
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
    this.customerAccess = make("customerAccess");

    const ref = (t: SecureTable): TableRef => ({ name: t.name, arn: t.arn });
    this.refs = {
      securityEvents: ref(this.securityEvents),
      authState: ref(this.authState),
      intents: ref(this.intents),
      hallucinationLogs: ref(this.hallucinationLogs),
      conversationHistory: ref(this.conversationHistory),
      callbacks: ref(this.callbacks),
      countedContacts: ref(this.countedContacts),
      customerAccess: ref(this.customerAccess),
    };
  }
}
