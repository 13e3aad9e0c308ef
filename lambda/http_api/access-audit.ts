import { randomBytes } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { claim, sourceIp, type JwtRouteEvent } from "./response";

const lib = () => import("@aws-sdk/lib-dynamodb");

/** What was done with a customer's data. */
export type AccessAction = "crm_lookup" | "companion_answer";

/** One access to a customer's data, as the audit keeps it. */
export interface AccessRecord {
  readonly action: AccessAction;
  /** Who acted, from the verified token: an agent (agents' provider) or the customer's app user. */
  readonly actor: {
    readonly kind: "agent" | "app_user";
    /** The token's `sub`. */
    readonly subject: string;
    /** The token's `iss`, when it carries one. */
    readonly issuer?: string;
  };
  /** Canonical customer id (lambda/shared/customer-id.ts). */
  readonly customerId: string;
  /** The Connect contact the access was for, when known. */
  readonly contactId?: string;
  /** How it ended, e.g. `found`, `not_found`, `refused_not_in_group`, `recorded`, `expired`. */
  readonly result: string;
  readonly apiRequestId?: string;
  readonly sourceIp?: string;
  /** Short labels only (e.g. `{ answer: "APPROVE" }`); never a name, number or token. */
  readonly detail?: Readonly<Record<string, string>>;
}

/** The append-only record of who accessed which customer. */
export interface AccessAudit {
  /** Resolves once the record is stored; rejects when it is not. */
  record(entry: AccessRecord): Promise<void>;
}

/** Who made the request and where from, as the verified token and API Gateway say. */
export function accessContext(
  event: JwtRouteEvent,
  kind: AccessRecord["actor"]["kind"],
  subject: string,
): Pick<AccessRecord, "actor" | "apiRequestId" | "sourceIp"> {
  const issuer = claim(event, "iss");
  const apiRequestId = event.requestContext?.requestId;
  const ip = sourceIp(event);
  return {
    actor: { kind, subject, ...(issuer !== undefined ? { issuer } : {}) },
    ...(typeof apiRequestId === "string" ? { apiRequestId } : {}),
    ...(ip !== undefined ? { sourceIp: ip } : {}),
  };
}

export { ACCESS_AUDIT_UNWRITTEN } from "./log-events";

/**
 * The customer-access table (hash `customer_id`, range `accessed_at` = ISO time + random suffix,
 * TTL `ttl`). Every put is create-only (`attribute_not_exists`), and the functions may only
 * PutItem there (no UpdateItem, DeleteItem or BatchWriteItem): a record, once written, is never
 * replaced or removed by them. DynamoDB's TTL removes it after `retentionDays`.
 */
export class DynamoAccessAudit implements AccessAudit {
  constructor(
    private readonly table: string,
    private readonly retentionDays: number,
    private readonly client: () => Promise<DynamoDBDocumentClient>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(entry: AccessRecord): Promise<void> {
    const [client, sdk] = await Promise.all([this.client(), lib()]);
    const at = this.now();
    const iso = at.toISOString();
    const optional = (name: string, value: unknown) => (value === undefined ? {} : { [name]: value });
    await client.send(
      new sdk.PutCommand({
        TableName: this.table,
        Item: {
          customer_id: entry.customerId,
          accessed_at: `${iso}#${randomBytes(6).toString("hex")}`,
          at: iso,
          action: entry.action,
          actor_kind: entry.actor.kind,
          actor: entry.actor.subject,
          ...optional("actor_issuer", entry.actor.issuer),
          ...optional("contact_id", entry.contactId),
          result: entry.result,
          ...optional("api_request_id", entry.apiRequestId),
          ...optional("source_ip", entry.sourceIp),
          ...optional("detail", entry.detail),
          ttl: Math.floor(at.getTime() / 1000) + this.retentionDays * 86_400,
        },
        ConditionExpression: "attribute_not_exists(customer_id)",
      }),
    );
  }
}
