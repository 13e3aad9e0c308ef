import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

import type { RateLimitPolicy } from "../config";
import type { RateAction, RateLimits, RateScope } from "../ports";
import { callWith, type RemoteCall } from "../shared/resilience";
import { documentSdk } from "./dynamo-sdk";

/**
 * Fixed-window counters in the auth-state table: `rate#<scope>#<id>#<action>#<window start>`,
 * expiring (TTL `ttl`) one window after it ends. One conditional UpdateItem per use, so concurrent
 * turns can never take more than the limit between them.
 */
export class DynamoRateLimits implements RateLimits {
  constructor(
    private readonly table: string,
    private readonly client: () => Promise<DynamoDBDocumentClient>,
    private readonly call: RemoteCall,
    private readonly now: () => Date,
    private readonly limits: RateLimitPolicy,
  ) {}

  async take(scope: RateScope, id: string, action: RateAction): Promise<boolean> {
    const window = this.limits.windowSeconds;
    const start = Math.floor(this.now().getTime() / 1000 / window) * window;
    try {
      await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
        client.send(
          new sdk.UpdateCommand({
            TableName: this.table,
            Key: { request_id: `rate#${scope}#${id}#${action}#${start}` },
            UpdateExpression: "ADD uses :one SET #t = if_not_exists(#t, :ttl)",
            ConditionExpression: "attribute_not_exists(uses) OR uses < :limit",
            ExpressionAttributeNames: { "#t": "ttl" },
            ExpressionAttributeValues: {
              ":one": 1,
              ":limit": this.limits[scope][action],
              ":ttl": start + 2 * window,
            },
          }),
          { abortSignal },
        ),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }
}
