import { DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import { TABLE_SPECS } from "../../../constructs/security/table-specs";
import { kinesisEvent, loadCtr } from "../support/kinesis-events";
import {
  lambdaEnv,
  startDynamo,
  startServices,
  tableName,
  type FakeServices,
  type LocalDynamo,
} from "../support/local-aws";

/**
 * Kinesis delivers at least once: a retried or bisected batch comes again. Against dynalite, with
 * the counted-contacts table built from its synthesized definition, each contact is counted once.
 */
let dynamo: LocalDynamo;
let services: FakeServices;
let handler: typeof import("../../../lambda/ctr_metrics/index").handler;
const saved = { ...process.env };
const lines: string[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  [dynamo, services] = await Promise.all([startDynamo(["countedContacts"]), startServices()]);
  Object.assign(process.env, lambdaEnv(dynamo, services), {
    COUNTED_CONTACTS_TABLE_NAME: tableName("countedContacts"),
    CONTACT_METRICS_NAMESPACE: "It/ContactRecords",
    POWERTOOLS_LOG_LEVEL: "SILENT",
  });
  // The handler reads its environment at load.
  ({ handler } = await import("../../../lambda/ctr_metrics/index"));
  process.stdout.write = ((chunk: string) => {
    if (chunk.startsWith('{"_aws"')) lines.push(chunk);
    return true;
  }) as typeof process.stdout.write;
});

afterAll(async () => {
  process.stdout.write = write;
  process.env = saved;
  await Promise.all([dynamo?.close(), services?.close()]);
});

const record = (name: string, contactId: string) =>
  Buffer.from(JSON.stringify({ ...loadCtr(name), ContactId: contactId })).toString("base64");

it("counts each contact once when a batch is redelivered, and once more only for a new contact", async () => {
  expect(TABLE_SPECS.countedContacts.partitionKey.name).toBe("contact_id");
  const batch = kinesisEvent(record("handled", "c-1"), record("abandoned", "c-2"));
  expect(await handler(batch)).toStrictEqual({ batchItemFailures: [] });
  expect(lines).toHaveLength(2);

  // The same batch again (a retry), then a bisected half with one new contact.
  expect(await handler(batch)).toStrictEqual({ batchItemFailures: [] });
  expect(await handler(kinesisEvent(record("abandoned", "c-2"), record("handled", "c-3")))).toStrictEqual({
    batchItemFailures: [],
  });
  expect(lines).toHaveLength(3);
  expect(lines.map((l) => JSON.parse(l).ContactsAbandoned)).toStrictEqual([0, 1, 0]);
});

it("skips a record DynamoDB refuses for good (an oversized ContactId) with a metric, and counts the rest", async () => {
  lines.length = 0;
  const oversized = "c-".padEnd(3_000, "9");
  const batch = kinesisEvent(record("handled", oversized), record("abandoned", "c-after-oversized"));
  expect(await handler(batch)).toStrictEqual({ batchItemFailures: [] });
  const written = lines.map((l) => JSON.parse(l));
  expect(written.filter((l) => "ContactId" in l).map((l) => l.ContactId)).toStrictEqual([
    "c-after-oversized",
  ]);
  expect(written.filter((l) => "ContactRecordsSkipped" in l)).toMatchObject([
    { Reason: "unwritable", ContactRecordsSkipped: 1 },
  ]);
  // Delivered again (a retry of this batch for any reason), it is still skipped, never reported.
  expect(await handler(batch)).toStrictEqual({ batchItemFailures: [] });
});

it("reports the first record it could not mark counted, so Kinesis delivers it again", async () => {
  await dynamo.client.send(new DeleteTableCommand({ TableName: tableName("countedContacts") }));
  const event = kinesisEvent(record("handled", "c-9"), record("handled", "c-10"));
  const out = await handler(event);
  expect(out.batchItemFailures).toStrictEqual([{ itemIdentifier: event.Records[0]!.kinesis.sequenceNumber }]);
}, 15_000);

it("never reports a record without a sequence number: the failure after it is reported by its own", async () => {
  // The table is gone (previous test): every write fails in a way a retry may fix.
  const event = kinesisEvent(record("handled", "c-no-sequence"), record("handled", "c-11"));
  const first = event.Records[0]!;
  event.Records[0] = { ...first, kinesis: { ...first.kinesis, sequenceNumber: undefined as never } };
  const out = await handler(event);
  expect(out.batchItemFailures).toStrictEqual([{ itemIdentifier: event.Records[1]!.kinesis.sequenceNumber }]);
}, 15_000);
