import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Loaded on first use with the client, to keep the SDK out of module init. */
const lib = () => import("@aws-sdk/lib-dynamodb");
import type { AuthStore, CompanionStatus, PinFailure, SessionAuth } from "../ports";
import type { RemoteCall } from "../shared/resilience";

/** How long one authentication lasts; a Connect contact rarely runs longer. */
const SESSION_TTL_S = 15 * 60;
/** Failed PINs are counted over a day, and a lockout lasts a day unless an agent clears it. */
const LOCK_TTL_S = 24 * 60 * 60;
const COMPANION_TTL_S = 5 * 60;

type Item = Record<string, unknown>;

function isConditionFailure(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: string }).name === "ConditionalCheckFailedException"
  );
}

/**
 * The auth-state table (hash key `request_id`, TTL attribute `ttl`) holds three kinds of item:
 * `session#<lex session id>` (who this session proved to be), `customer#<id>` (PIN failures and
 * lockout) and `<uuid>` companion-app requests, which the companion Auth API approves or declines.
 * Expired items are ignored on read because DynamoDB deletes them lazily.
 */
export class DynamoAuthStore implements AuthStore {
  constructor(
    private readonly table: string,
    private readonly client: () => Promise<DynamoDBDocumentClient>,
    private readonly call: RemoteCall,
    private readonly now: () => Date,
  ) {}

  private seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private async get(key: string): Promise<Item | undefined> {
    const out = await this.call(async (abortSignal) =>
      (await this.client()).send(
        new (await lib()).GetCommand({
          TableName: this.table,
          Key: { request_id: key },
          ConsistentRead: true,
        }),
        { abortSignal },
      ),
    );
    const item = out.Item;
    return item !== undefined && typeof item.ttl === "number" && item.ttl > this.seconds() ? item : undefined;
  }

  async getSession(sessionId: string): Promise<SessionAuth | undefined> {
    const item = await this.get(`session#${sessionId}`);
    if (item?.status !== "AUTHENTICATED" || typeof item.customer_id !== "string") return undefined;
    return {
      customerId: item.customer_id,
      method: item.method === "COMPANION_APP" ? "COMPANION_APP" : "PIN",
    };
  }

  async markAuthenticated(sessionId: string, auth: SessionAuth): Promise<void> {
    // Never rebinds a session that already proved a different identity.
    await this.call(async (abortSignal) =>
      (await this.client()).send(
        new (await lib()).UpdateCommand({
          TableName: this.table,
          Key: { request_id: `session#${sessionId}` },
          UpdateExpression:
            "SET #s = :auth, customer_id = :c, #m = :m, #t = :ttl, updated_at = :now REMOVE companion_request_id, companion_customer_id",
          ConditionExpression: "attribute_not_exists(request_id) OR #s <> :auth OR customer_id = :c",
          ExpressionAttributeNames: { "#s": "status", "#m": "method", "#t": "ttl" },
          ExpressionAttributeValues: {
            ":auth": "AUTHENTICATED",
            ":c": auth.customerId,
            ":m": auth.method,
            ":ttl": this.seconds() + SESSION_TTL_S,
            ":now": this.now().toISOString(),
          },
        }),
        { abortSignal },
      ),
    );
  }

  async isLocked(customerId: string): Promise<boolean> {
    return (await this.get(`customer#${customerId}`))?.locked === true;
  }

  async recordPinFailure(customerId: string, maxFailures: number): Promise<PinFailure> {
    const key = { request_id: `customer#${customerId}` };
    let failures: number;
    try {
      const out = await this.call(async (abortSignal) =>
        (await this.client()).send(
          new (await lib()).UpdateCommand({
            TableName: this.table,
            Key: key,
            UpdateExpression: "ADD pin_failures :one SET #t = :ttl, updated_at = :now",
            ConditionExpression: "attribute_not_exists(locked) OR locked = :false",
            ExpressionAttributeNames: { "#t": "ttl" },
            ExpressionAttributeValues: {
              ":one": 1,
              ":false": false,
              ":ttl": this.seconds() + LOCK_TTL_S,
              ":now": this.now().toISOString(),
            },
            ReturnValues: "ALL_NEW",
          }),
          { abortSignal },
        ),
      );
      failures = Number(out.Attributes?.pin_failures ?? 1);
    } catch (error) {
      if (isConditionFailure(error)) return { failures: maxFailures, locked: true };
      throw error;
    }
    if (failures < maxFailures) return { failures, locked: false };
    await this.call(async (abortSignal) =>
      (await this.client()).send(
        new (await lib()).UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: "SET locked = :true, locked_at = :now",
          ExpressionAttributeValues: { ":true": true, ":now": this.now().toISOString() },
        }),
        { abortSignal },
      ),
    );
    return { failures, locked: true };
  }

  async clearPinFailures(customerId: string): Promise<void> {
    try {
      await this.call(async (abortSignal) =>
        (await this.client()).send(
          new (await lib()).DeleteCommand({
            TableName: this.table,
            Key: { request_id: `customer#${customerId}` },
            ConditionExpression: "attribute_not_exists(locked) OR locked = :false",
            ExpressionAttributeValues: { ":false": false },
          }),
          { abortSignal },
        ),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async startCompanion(sessionId: string, customerId: string): Promise<string> {
    const requestId = randomUUID();
    const ttl = this.seconds() + COMPANION_TTL_S;
    await this.call(async (abortSignal) =>
      (await this.client()).send(
        new (await lib()).PutCommand({
          TableName: this.table,
          Item: {
            request_id: requestId,
            status: "PENDING",
            customer_id: customerId,
            session_id: sessionId,
            ttl,
            created_at: this.now().toISOString(),
          },
          ConditionExpression: "attribute_not_exists(request_id)",
        }),
        { abortSignal },
      ),
    );
    await this.call(async (abortSignal) =>
      (await this.client()).send(
        new (await lib()).UpdateCommand({
          TableName: this.table,
          Key: { request_id: `session#${sessionId}` },
          UpdateExpression: "SET companion_request_id = :r, companion_customer_id = :c, #t = :ttl",
          ConditionExpression: "attribute_not_exists(request_id) OR #s <> :auth",
          ExpressionAttributeNames: { "#s": "status", "#t": "ttl" },
          ExpressionAttributeValues: {
            ":r": requestId,
            ":c": customerId,
            ":ttl": ttl,
            ":auth": "AUTHENTICATED",
          },
        }),
        { abortSignal },
      ),
    );
    return requestId;
  }

  async pendingCompanion(sessionId: string): Promise<{ requestId: string; customerId: string } | undefined> {
    const item = await this.get(`session#${sessionId}`);
    const requestId = item?.companion_request_id;
    const customerId = item?.companion_customer_id;
    return typeof requestId === "string" && typeof customerId === "string"
      ? { requestId, customerId }
      : undefined;
  }

  async companionStatus(requestId: string): Promise<CompanionStatus> {
    const status = (await this.get(requestId))?.status;
    return status === "APPROVE" || status === "DECLINE" || status === "PENDING" ? status : "EXPIRED";
  }
}
