import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

import type { CallbackQueue, CallbackRequest } from "../ports";
import { callWith, type RemoteCall } from "../shared/resilience";
import { documentSdk } from "./dynamo-sdk";

/**
 * The callback table of the original stack (hash `callback_id`, range `requested_at`, TTL `ttl`).
 * Requests start `PENDING`; lambda/callback_status moves them on from Connect's contact events of
 * the callback contact, whose previousContactId is this `callback_id`. `callback_id` is the contact id,
 * so one contact queues one callback: Connect retries a timed-out invocation, and the read before
 * the create-only write turns that retry into "duplicate" instead of a second call to the customer.
 */
export class DynamoCallbackQueue implements CallbackQueue {
  constructor(
    private readonly table: string,
    private readonly ttlDays: number,
    private readonly client: () => Promise<DynamoDBDocumentClient>,
    private readonly call: RemoteCall,
    private readonly now: () => Date,
  ) {}

  async request(request: CallbackRequest): Promise<"queued" | "duplicate"> {
    const existing = await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.QueryCommand({
          TableName: this.table,
          KeyConditionExpression: "callback_id = :id",
          ExpressionAttributeValues: { ":id": request.contactId },
          ProjectionExpression: "callback_id",
          ConsistentRead: true,
          Limit: 1,
        }),
        { abortSignal },
      ),
    );
    if ((existing.Count ?? 0) > 0) return "duplicate";
    const at = this.now();
    try {
      await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
        client.send(
          new sdk.PutCommand({
            TableName: this.table,
            Item: {
              callback_id: request.contactId,
              requested_at: at.toISOString(),
              contact_id: request.contactId,
              customer_phone: request.phoneNumber,
              category: request.category,
              status: "PENDING",
              priority: "NORMAL",
              queue_id: request.queueArn,
              queue_name: request.queueName,
              ttl: Math.floor(at.getTime() / 1000) + this.ttlDays * 86_400,
            },
            ConditionExpression: "attribute_not_exists(callback_id)",
          }),
          { abortSignal },
        ),
      );
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === "ConditionalCheckFailedException")
        return "duplicate";
      throw error;
    }
    return "queued";
  }
}
