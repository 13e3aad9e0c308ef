import { DeleteTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoCallbackQueue } from "../../../lambda/lex_fallback/adapters/dynamo-callback-queue";
import { type Applied, CallbackStatusStore } from "../../../lambda/callback_status/callback-store";
import { readContactEvent } from "../../../lambda/callback_status/contact-event";
import { handlerFor, type Outcome } from "../../../lambda/callback_status/index";
import { transitionFor } from "../../../lambda/callback_status/lifecycle";
import {
  CALLBACK_CONTACT_ID,
  callbackEvent,
  REQUEST_CONTACT_ID,
  type CallbackEventKind,
} from "../support/callback-events";
import { startDynamo, tableName, type LocalDynamo } from "../support/local-aws";

/**
 * The consumer against dynalite, with the callbacks table built from its synthesized definition and
 * the PENDING record written by the producer itself (lex_fallback's DynamoCallbackQueue).
 */
let dynamo: LocalDynamo;
let store: CallbackStatusStore;
const table = tableName("callbacks");
const REQUESTED = new Date("2026-11-25T10:13:58.000Z");

const saved = { ...process.env };

beforeAll(async () => {
  process.env.AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING = "1";
  dynamo = await startDynamo(["callbacks"]);
  store = new CallbackStatusStore(table, async () => dynamo.client as DynamoDBClient);
});
afterAll(async () => {
  process.env = saved;
  await dynamo?.close();
});

async function request(contactId: string): Promise<void> {
  const queue = new DynamoCallbackQueue(
    table,
    7,
    async () => dynamo.doc,
    (fn) => fn(new AbortController().signal),
    () => REQUESTED,
  );
  expect(await queue.request({ contactId, phoneNumber: "+447700900123", category: "Fraud" })).toBe("queued");
}

async function records(contactId: string): Promise<Record<string, unknown>[]> {
  const out = await dynamo.doc.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: "callback_id = :id",
      ExpressionAttributeValues: { ":id": contactId },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

async function apply(
  kind: CallbackEventKind,
  change: (event: any) => void = () => undefined,
): Promise<Applied> {
  const event = callbackEvent(kind);
  change(event);
  const read = readContactEvent(event);
  if (!read.ok) throw new Error(read.reason);
  const mapping = transitionFor(read.event, new Date());
  if (mapping.kind !== "transition") throw new Error(mapping.reason);
  return store.apply(mapping.transition);
}

const forContact = (id: string) => (event: any) => {
  event.detail.previousContactId = id;
  event.detail.initialContactId = id;
};

it("moves the request forward through the callback's life, keeping the request and its TTL", async () => {
  await request(REQUEST_CONTACT_ID);
  const [before] = await records(REQUEST_CONTACT_ID);
  expect(before).toMatchObject({
    status: "PENDING",
    ttl: Math.floor(REQUESTED.getTime() / 1000) + 7 * 86_400,
  });

  const seen: string[] = [];
  for (const kind of ["initiated", "queued", "connected", "answered"] as const) {
    expect(await apply(kind)).toStrictEqual({ outcome: "advanced", requestId: REQUEST_CONTACT_ID });
    seen.push(String((await records(REQUEST_CONTACT_ID))[0]!.status));
  }
  expect(seen).toStrictEqual(["CREATED", "QUEUED", "DIALLED", "DONE"]);

  const [after] = await records(REQUEST_CONTACT_ID);
  expect(after).toStrictEqual({
    ...before,
    status: "DONE",
    status_at: "2026-11-25T10:26:40Z",
    status_event: "DISCONNECTED",
    callback_contact_id: CALLBACK_CONTACT_ID,
  });
});

it("is idempotent: a redelivered event changes nothing, and COMPLETED after DISCONNECTED neither", async () => {
  await request("redelivered");
  expect((await apply("queued", forContact("redelivered"))).outcome).toBe("advanced");
  const [once] = await records("redelivered");
  expect(await apply("queued", forContact("redelivered"))).toStrictEqual({
    outcome: "unchanged",
    requestId: "redelivered",
  });
  expect(await records("redelivered")).toStrictEqual([once]);

  expect((await apply("answered", forContact("redelivered"))).outcome).toBe("advanced");
  const [done] = await records("redelivered");
  expect((await apply("completed", forContact("redelivered"))).outcome).toBe("unchanged");
  expect(await records("redelivered")).toStrictEqual([done]);
});

it("never regresses: DISCONNECTED before CONNECTED_TO_AGENT and a late INITIATED leave the ending", async () => {
  await request("out-of-order");
  expect((await apply("unanswered", forContact("out-of-order"))).outcome).toBe("advanced");
  for (const late of ["connected", "initiated", "queued", "expired"] as const)
    expect((await apply(late, forContact("out-of-order"))).outcome).toBe("unchanged");
  const [record] = await records("out-of-order");
  expect(record).toMatchObject({ status: "FAILED", status_event: "DISCONNECTED" });

  // A later attempt that reached the customer still supersedes the failed one.
  expect((await apply("answered", forContact("out-of-order"))).outcome).toBe("advanced");
  expect((await records("out-of-order"))[0]).toMatchObject({ status: "DONE" });
});

it("ignores a contact with no record and creates none", async () => {
  expect(await apply("queued", forContact("never-requested"))).toStrictEqual({ outcome: "unmatched" });
  expect(await records("never-requested")).toStrictEqual([]);
});

it("finds the request by the initial contact when the previous one is an earlier callback leg", async () => {
  await request("first-leg-requester");
  const outcome = await apply("queued", (event) => {
    event.detail.previousContactId = "earlier-callback-leg";
    event.detail.initialContactId = "first-leg-requester";
  });
  expect(outcome).toStrictEqual({ outcome: "advanced", requestId: "first-leg-requester" });
  expect(await records("earlier-callback-leg")).toStrictEqual([]);
});

it("leaves a record in a state it does not know (an original dispatcher's) as it is", async () => {
  await dynamo.doc.send(
    new PutCommand({
      TableName: table,
      Item: { callback_id: "legacy", requested_at: "2026-11-24T09:00:00.000Z", status: "DISPATCHED", ttl: 1 },
    }),
  );
  expect((await apply("answered", forContact("legacy"))).outcome).toBe("unchanged");
  expect((await records("legacy"))[0]).toMatchObject({ status: "DISPATCHED" });
});

it("counts outcomes through the handler and throws when the table cannot be reached", async () => {
  const outcomes: string[] = [];
  const handler = handlerFor({
    store,
    namespace: "It/ContactRecords",
    logger: { info: () => undefined, warn: () => undefined },
    writeMetric: (line) => outcomes.push(JSON.parse(line).Outcome),
    now: () => new Date(),
  });
  await request("through-handler");
  const event = callbackEvent("connected");
  forContact("through-handler")(event);
  expect(await handler(event)).toBe<Outcome>("advanced");
  expect(await handler(event)).toBe<Outcome>("unchanged");
  expect(outcomes).toStrictEqual(["advanced", "unchanged"]);

  await dynamo.client.send(new DeleteTableCommand({ TableName: table }));
  await expect(handler(event)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});
