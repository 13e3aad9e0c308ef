import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuthStore, CompanionStatus, PinAttempt, PinReservation, SessionAuth } from "../ports";
import { DependencyError } from "../shared/errors";
import { callWith, type RemoteCall } from "../shared/resilience";
import { documentSdk } from "./dynamo-sdk";

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
 * `session#<contact id>` (who this contact proved to be), `customer#<id>` (PIN attempts and
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
    const out = await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.GetCommand({
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

  /**
   * Clears the customer's attempts (one conditional delete that fails while a lock holds), then
   * writes the session. A customer locked between the two writes keeps this session: it proved
   * the PIN before the lock, and the lock stops every later proof.
   */
  async markAuthenticated(sessionId: string, auth: SessionAuth, attempt?: PinAttempt): Promise<boolean> {
    try {
      await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
        client.send(
          new sdk.DeleteCommand({
            TableName: this.table,
            Key: { request_id: `customer#${auth.customerId}` },
            ConditionExpression:
              "attribute_not_exists(request_id) OR #t <= :now OR attribute_not_exists(locked) OR locked = :false OR lock_token = :token",
            ExpressionAttributeNames: { "#t": "ttl" },
            ExpressionAttributeValues: {
              ":now": this.seconds(),
              ":false": false,
              // A token no reservation has, when the proof is not a PIN attempt.
              ":token": attempt?.token ?? "-",
            },
          }),
          { abortSignal },
        ),
      );
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    // Never rebinds a session that already proved a different identity.
    await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.UpdateCommand({
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
    return true;
  }

  async isLocked(customerId: string): Promise<boolean> {
    return (await this.get(`customer#${customerId}`))?.locked === true;
  }

  /**
   * Why no interleaving lets more than `maxAttempts` PINs reach the bank in one window.
   * The item `customer#<id>` holds `pin_attempts` (n), `locked` and `ttl` (end of the window).
   * 1. Every PIN reaches the bank only after this method returned "reserved", i.e. after a write
   *    whose condition held on the item as it was: either no live window (absent or `ttl` passed)
   *    and the write opens one at n = 1, or a live window seen with exactly this `ttl`, this n and
   *    not locked, and the write sets n + 1.
   * 2. DynamoDB applies conditional writes to one item one at a time, so each value of n in a
   *    window is claimed by exactly one reservation: two writers that read the same n cannot both
   *    pass `pin_attempts = :n`. Claims therefore count 1, 2, ..., max and stop there.
   * 3. The claim of n = max sets `locked` (the condition of every later claim) in the same write,
   *    so lock and count can never disagree, and it moves `ttl` to the end of the lockout, so no
   *    new window can open before the lock expires.
   * 4. Only markAuthenticated ends a window early, with a delete whose condition fails while the
   *    lock holds, unless it carries the token of the claim that set the lock (that claim's PIN
   *    was correct): a locked customer cannot be unlocked or signed in by any other PIN.
   * Attempts whose bank call fails still count: the PIN may have reached the bank.
   */
  async reservePinAttempt(customerId: string, maxAttempts: number): Promise<PinReservation> {
    const key = `customer#${customerId}`;
    // Each lost race means another claim (or a window reset) landed; more than this is a stampede.
    let pending: string | undefined;
    for (let round = 0; round <= maxAttempts + 1; round++) {
      const seen = await this.get(key);
      // A retried write whose first try landed fails its condition: the claim is ours all the same.
      if (pending !== undefined && seen?.attempt_token === pending) {
        const number = Number(seen.pin_attempts);
        return {
          kind: "reserved",
          attempt: { customerId, number, last: seen.locked === true, token: pending },
        };
      }
      const attempts = seen === undefined ? 0 : Number(seen.pin_attempts ?? seen.pin_failures ?? 0);
      if (seen !== undefined && (seen.locked === true || attempts >= maxAttempts)) return { kind: "locked" };
      const number = attempts + 1;
      const last = number >= maxAttempts;
      pending = randomUUID();
      try {
        await this.claim(key, seen, attempts, number, last, pending);
        return { kind: "reserved", attempt: { customerId, number, last, token: pending } };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new DependencyError("auth-state", "PIN attempts contended beyond the limit", false);
  }

  private async claim(
    key: string,
    seen: Item | undefined,
    attempts: number,
    number: number,
    last: boolean,
    token: string,
  ): Promise<void> {
    const now = this.seconds();
    // A window lasts a day from its first attempt; a lock lasts a day from the attempt that set it.
    const ttl = seen === undefined || last ? now + LOCK_TTL_S : Number(seen.ttl);
    await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.UpdateCommand({
          TableName: this.table,
          Key: { request_id: key },
          UpdateExpression: `SET pin_attempts = :n, locked = :last, attempt_token = :token, #t = :ttl, updated_at = :iso${
            last ? ", lock_token = :token, locked_at = :iso" : ""
          } REMOVE pin_failures`,
          ConditionExpression:
            seen === undefined
              ? "attribute_not_exists(request_id) OR #t <= :now"
              : "#t = :seenTtl AND (attribute_not_exists(locked) OR locked = :false) AND " +
                (attempts === 0 || seen.pin_attempts === undefined
                  ? "attribute_not_exists(pin_attempts)"
                  : "pin_attempts = :seen"),
          ExpressionAttributeNames: { "#t": "ttl" },
          ExpressionAttributeValues: {
            ":n": number,
            ":last": last,
            ":ttl": ttl,
            ":iso": this.now().toISOString(),
            ":token": token,
            ...(seen === undefined
              ? { ":now": now }
              : {
                  ":seenTtl": seen.ttl,
                  ":false": false,
                  ...(attempts === 0 || seen.pin_attempts === undefined ? {} : { ":seen": attempts }),
                }),
          },
        }),
        { abortSignal },
      ),
    );
  }

  async startCompanion(sessionId: string, customerId: string): Promise<string> {
    const requestId = randomUUID();
    const ttl = this.seconds() + COMPANION_TTL_S;
    await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.PutCommand({
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
    await callWith(this.call, documentSdk(this.client), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.UpdateCommand({
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
