import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoAnswerStore } from "../../../lambda/companion_api/answer-store";
import { handleAnswer } from "../../../lambda/companion_api/handler";
import { DynamoAccessAudit } from "../../../lambda/http_api/access-audit";
import { DynamoAuthStore } from "../../../lambda/lex_fallback/adapters/dynamo-auth-store";
import { DEFAULT_CUSTOMER_ID_FORMAT } from "../../../lambda/shared/customer-id";
import { jwtRouteEvent, recordingLogger } from "../support/http-events";
import { startDynamo, tableName, type LocalDynamo } from "../support/local-aws";

/**
 * POST /auth against a real DynamoDB implementation (dynalite): the companion request is written
 * by lex_fallback's own adapter (what companion_push_send runs), answered by the companion API's
 * conditional write, and read back by lex_fallback's companionStatus (what companion_push_status
 * runs). Only a real table shows that the one write refuses replays, expiry and other customers.
 * Each answer is then recorded in the customer-access table, create-only.
 */
let dynamo: LocalDynamo;
const table = () => tableName("authState");
const auditTable = () => tableName("customerAccess");
const CUSTOMER = "12345";
const CLAIM = "custom:customer_id";
const direct = <T>(fn: (signal: AbortSignal) => Promise<T>) => fn(new AbortController().signal);

beforeAll(async () => {
  dynamo = await startDynamo(["authState", "customerAccess"]);
});
afterAll(() => dynamo?.close());

function authStore(now: () => Date = () => new Date()) {
  return new DynamoAuthStore(table(), () => Promise.resolve(dynamo.doc), direct, now);
}

function answer(requestId: string, action: string, customerId: string | null = CUSTOMER) {
  const logger = recordingLogger();
  const event = jwtRouteEvent({
    routeKey: "POST /auth",
    claims: customerId === null ? { sub: "app-user-1" } : { sub: "app-user-1", [CLAIM]: customerId },
    body: JSON.stringify({ requestId, action }),
  });
  const doc = () => Promise.resolve(dynamo.doc);
  const deps = {
    store: new DynamoAnswerStore(table(), doc),
    customerIdClaim: CLAIM,
    customerIdFormat: DEFAULT_CUSTOMER_ID_FORMAT,
    audit: new DynamoAccessAudit(auditTable(), 365, doc),
    logger,
  };
  return handleAnswer(event, deps).then((result) => ({
    status: result.statusCode,
    body: JSON.parse(String(result.body)),
    logs: JSON.stringify(logger.lines),
  }));
}

async function rawItem(requestId: string) {
  return (await dynamo.doc.send(new GetCommand({ TableName: table(), Key: { request_id: requestId } }))).Item;
}

let contact = 0;
async function pendingRequest(now?: () => Date): Promise<string> {
  return authStore(now).startCompanion(`contact-${++contact}`, CUSTOMER);
}

describe("companion approval API on a real table", () => {
  it("approves: the contact's status check then sees APPROVE", async () => {
    const requestId = await pendingRequest();
    expect(await authStore().companionStatus(requestId)).toBe("PENDING");
    const result = await answer(requestId, "APPROVE");
    expect(result).toMatchObject({ status: 200, body: { requestId, status: "APPROVE" } });
    expect(await authStore().companionStatus(requestId)).toBe("APPROVE");
    expect((await rawItem(requestId))?.answered_at).toEqual(expect.any(String));
  });

  it("declines", async () => {
    const requestId = await pendingRequest();
    expect((await answer(requestId, "DECLINE")).status).toBe(200);
    expect(await authStore().companionStatus(requestId)).toBe("DECLINE");
  });

  it("refuses a replay, even with the other answer, and keeps the first", async () => {
    const requestId = await pendingRequest();
    expect((await answer(requestId, "DECLINE")).status).toBe(200);
    const again = await answer(requestId, "DECLINE");
    const flipped = await answer(requestId, "APPROVE");
    expect([again.status, flipped.status]).toStrictEqual([409, 409]);
    expect(flipped.body.error).toBe("already_answered");
    expect(await authStore().companionStatus(requestId)).toBe("DECLINE");
  });

  it("lets exactly one of two racing answers land", async () => {
    const requestId = await pendingRequest();
    const results = await Promise.all([answer(requestId, "APPROVE"), answer(requestId, "DECLINE")]);
    expect(results.map((r) => r.status).sort()).toStrictEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.status;
    expect(await authStore().companionStatus(requestId)).toBe(winner);
  });

  it("refuses an expired request and leaves it unanswered", async () => {
    const tenMinutesAgo = () => new Date(Date.now() - 10 * 60 * 1000);
    const requestId = await pendingRequest(tenMinutesAgo);
    const result = await answer(requestId, "APPROVE");
    expect(result).toMatchObject({ status: 410, body: { error: "expired" } });
    expect((await rawItem(requestId))?.status).toBe("PENDING");
    expect(await authStore().companionStatus(requestId)).toBe("EXPIRED");
  });

  it("refuses another customer's app user as if the request did not exist", async () => {
    const requestId = await pendingRequest();
    const result = await answer(requestId, "APPROVE", "99999");
    const unknown = await answer("0b6d3f64-3c1e-4f53-9a5e-1f0e2d4c6b8a", "APPROVE", "99999");
    expect(result).toMatchObject({ status: 404, body: { error: "not_found" } });
    // Same answer as for an id that never existed: nothing tells the caller the request is real.
    expect(result.body).toStrictEqual(unknown.body);
    expect((await rawItem(requestId))?.status).toBe("PENDING");
    // The right customer can still answer it.
    expect((await answer(requestId, "APPROVE")).status).toBe(200);
  });

  it("never touches the contact's session or the customer's PIN counter", async () => {
    await authStore().markAuthenticated("contact-session", { customerId: CUSTOMER, method: "PIN" });
    const session = await answer("session#contact-session", "APPROVE");
    expect(session.status).toBe(400);
    expect((await rawItem("session#contact-session"))?.status).toBe("AUTHENTICATED");
  });

  it("refuses a token without the customer claim (401) and malformed bodies (400)", async () => {
    const requestId = await pendingRequest();
    expect((await answer(requestId, "APPROVE", null)).status).toBe(401);
    expect((await answer(requestId, "MAYBE")).body).toMatchObject({ error: "bad_request" });
    expect((await answer("not-a-uuid", "APPROVE")).status).toBe(400);
    expect((await rawItem(requestId))?.status).toBe("PENDING");
  });

  it("a token that writes the customer id with leading zeros answers that customer's request", async () => {
    const requestId = await pendingRequest();
    expect((await answer(requestId, "APPROVE", "0012345")).status).toBe(200);
    expect(await authStore().companionStatus(requestId)).toBe("APPROVE");
    expect((await answer(await pendingRequest(), "APPROVE", "12a45")).status).toBe(401);
  });

  it.each([null, 7, "POST /auth"])(
    "answers %j with the 400 error shape instead of throwing",
    async (event) => {
      const result = await handleAnswer(event, {} as Parameters<typeof handleAnswer>[1]);
      expect([result.statusCode, JSON.parse(String(result.body)).error]).toStrictEqual([400, "bad_request"]);
    },
  );

  it("logs outcomes without the customer id", async () => {
    const requestId = await pendingRequest();
    const { logs } = await answer(requestId, "APPROVE");
    expect(logs).toContain("recorded");
    expect(logs).not.toContain(CUSTOMER);
  });
});

describe("every answer is recorded in the customer-access table", () => {
  async function auditOf(customerId: string) {
    const out = await dynamo.doc.send(
      new QueryCommand({
        TableName: auditTable(),
        KeyConditionExpression: "customer_id = :c",
        ExpressionAttributeValues: { ":c": customerId },
      }),
    );
    return out.Items ?? [];
  }

  it("app user, customer, contact, time, answer and outcome, for approvals and refusals alike", async () => {
    const before = (await auditOf(CUSTOMER)).length;
    const contactId = `contact-audit-${Date.now()}`;
    const requestId = await authStore().startCompanion(contactId, CUSTOMER);
    await answer(requestId, "APPROVE");
    await answer(requestId, "DECLINE");
    const records = (await auditOf(CUSTOMER)).slice(before);
    expect(records.map((r) => [r.result, r.detail.answer, r.contact_id])).toStrictEqual([
      ["recorded", "APPROVE", contactId],
      ["already_answered", "DECLINE", contactId],
    ]);
    expect(records[0]).toMatchObject({
      action: "companion_answer",
      actor_kind: "app_user",
      actor: "app-user-1",
    });
    expect(records[0]!.ttl).toBe(Math.floor(Date.parse(records[0]!.at) / 1000) + 365 * 86_400);
    // Another customer's attempt is recorded under the customer the token names.
    await answer(requestId, "APPROVE", "99999");
    expect((await auditOf("99999")).map((r) => r.result)).toContain("not_found");
  });

  it("a record is never replaced: the adapter's put refuses an existing key", async () => {
    const [existing] = await auditOf(CUSTOMER);
    await expect(
      dynamo.doc.send(
        new PutCommand({
          TableName: auditTable(),
          Item: { ...existing, result: "rewritten" },
          ConditionExpression: "attribute_not_exists(customer_id)",
        }),
      ),
    ).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    expect((await auditOf(CUSTOMER)).map((r) => r.result)).not.toContain("rewritten");
  });

  it("an approval whose audit write fails still stands, and the failure is logged for the alarm", async () => {
    const logger = recordingLogger();
    const requestId = await pendingRequest();
    const result = await handleAnswer(
      jwtRouteEvent({
        routeKey: "POST /auth",
        claims: { sub: "app-user-1", [CLAIM]: CUSTOMER },
        body: JSON.stringify({ requestId, action: "APPROVE" }),
      }),
      {
        store: new DynamoAnswerStore(table(), () => Promise.resolve(dynamo.doc)),
        customerIdClaim: CLAIM,
        customerIdFormat: DEFAULT_CUSTOMER_ID_FORMAT,
        audit: new DynamoAccessAudit("no-such-table", 365, () => Promise.resolve(dynamo.doc)),
        logger,
      },
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.stringify(logger.lines)).toContain("ACCESS_AUDIT_UNWRITTEN");
    expect(JSON.stringify(logger.lines)).not.toContain(CUSTOMER);
  });
});

describe("the deployed entry point, configured only by its environment", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it("reads the table and the customer claim from the environment the construct sets", async () => {
    Object.assign(process.env, {
      AWS_REGION: "eu-west-2",
      AWS_ACCESS_KEY_ID: "AKIDLOCALTEST",
      AWS_SECRET_ACCESS_KEY: "local-test-secret",
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AUTH_STATE_TABLE_NAME: table(),
      ACCESS_AUDIT_TABLE_NAME: auditTable(),
      AUDIT_RETENTION_DAYS: "365",
      CUSTOMER_ID_CLAIM: CLAIM,
      POWERTOOLS_LOG_LEVEL: "SILENT",
    });
    const { handler } = await import("../../../lambda/companion_api/index");
    const requestId = await pendingRequest();
    const event = jwtRouteEvent({
      routeKey: "POST /auth",
      claims: { sub: "app-user-1", [CLAIM]: CUSTOMER },
      body: JSON.stringify({ requestId, action: "APPROVE" }),
    });
    expect((await handler(event)).statusCode).toBe(200);
    expect((await handler(event)).statusCode).toBe(409);
    expect(await authStore().companionStatus(requestId)).toBe("APPROVE");
  });
});
