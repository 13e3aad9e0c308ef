import { randomBytes } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

import type { SecurityEvent, SecurityEvents } from "../ports";
import { callWith, type RemoteCall } from "../shared/resilience";
import { documentSdk } from "./dynamo-sdk";

/**
 * Security-events table: hash `customer_id`, range `timestamp` (ISO time + event type + random
 * suffix, so two events in one millisecond never overwrite each other), TTL attribute `ttl`.
 * Writes are create-only: an audit record is never replaced.
 */
export class DynamoSecurityEvents implements SecurityEvents {
  constructor(
    private readonly table: string,
    private readonly ttlDays: number,
    private readonly client: () => Promise<DynamoDBDocumentClient>,
    private readonly call: RemoteCall,
    private readonly now: () => Date,
  ) {}

  async record(event: SecurityEvent): Promise<void> {
    const at = this.now();
    const item = {
      customer_id: event.customerId,
      timestamp: `${at.toISOString()}#${event.type}#${randomBytes(4).toString("hex")}`,
      event_type: event.type,
      session_id: event.sessionId,
      intent: event.intent,
      detail: event.detail ?? {},
      ttl: Math.floor(at.getTime() / 1000) + this.ttlDays * 86_400,
    };
    await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.PutCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: "attribute_not_exists(customer_id)",
        }),
        { abortSignal },
      ),
    );
  }
}
