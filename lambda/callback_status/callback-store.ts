import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Transition } from "./lifecycle";

/**
 * advanced: the record moved forward. unchanged: it was already at or past the state (a redelivered
 * or out-of-order event) or gone. unmatched: no request record for the contact (a callback created
 * on a path that records none, or one whose record has expired).
 */
export type Applied =
  | { readonly outcome: "advanced" | "unchanged"; readonly requestId: string }
  | { readonly outcome: "unmatched" };

const sdk = () => import("@aws-sdk/client-dynamodb");

/**
 * The callbacks table of the original stack (hash `callback_id` = the requesting contact's id,
 * range `requested_at`, TTL `ttl`; lambda/lex_fallback/adapters/dynamo-callback-queue.ts writes it).
 * A record is found with a consistent Query on its hash key (the range key is not in the event),
 * then moved by one conditional UpdateItem: the condition admits only the states below the target
 * and an existing item, so a stale or repeated event never moves a record back and never creates
 * one. Only `status` and the status fields are set: the request, its number and `ttl` stay as
 * written, so the record still expires when it was meant to.
 */
export class CallbackStatusStore {
  constructor(
    private readonly table: string,
    private readonly client: () => Promise<DynamoDBClient>,
  ) {}

  async apply(transition: Transition): Promise<Applied> {
    const [client, { QueryCommand, UpdateItemCommand }] = await Promise.all([this.client(), sdk()]);
    for (const requestId of transition.requestIds) {
      const found = await client.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: "callback_id = :id",
          ExpressionAttributeValues: { ":id": { S: requestId } },
          // The keys only: the record's phone number is never read.
          ProjectionExpression: "callback_id, requested_at",
          ConsistentRead: true,
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const requestedAt = found.Items?.[0]?.requested_at?.S;
      if (requestedAt === undefined) continue;

      const from = Object.fromEntries(transition.from.map((state, i) => [`:from${i}`, { S: state }]));
      const reason = transition.disconnectReason;
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: this.table,
            Key: { callback_id: { S: requestId }, requested_at: { S: requestedAt } },
            UpdateExpression: `SET #status = :to, status_at = :at, status_event = :event, callback_contact_id = :contact${
              reason !== undefined ? ", disconnect_reason = :reason" : ""
            }`,
            ConditionExpression: `attribute_exists(callback_id) AND #status IN (${Object.keys(from).join(", ")})`,
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":to": { S: transition.to },
              ":at": { S: transition.at },
              ":event": { S: transition.eventType },
              ":contact": { S: transition.callbackContactId },
              ...(reason !== undefined ? { ":reason": { S: reason } } : {}),
              ...from,
            },
          }),
        );
        return { outcome: "advanced", requestId };
      } catch (error) {
        if ((error as { name?: unknown } | null)?.name === "ConditionalCheckFailedException")
          return { outcome: "unchanged", requestId };
        throw error;
      }
    }
    return { outcome: "unmatched" };
  }
}
