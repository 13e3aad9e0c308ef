import fc from "fast-check";
import { loadConfig } from "../../config/load";
import { CONTACT_RECORD_METRICS } from "../../constructs/observability/metrics";
import { batchMetrics } from "../../lambda/ctr_metrics/batch";
import { decodeContactRecord } from "../../lambda/ctr_metrics/contact-record";
import { CONTACT_METRIC_NAMES } from "../../lambda/ctr_metrics/emf";
import { ARRIVAL_SECONDS, base64Json, kinesisEvent, kinesisRecord, loadCtr } from "./support/kinesis-events";

const NS = "Test/ContactRecords";
const NOW = Date.parse("2026-11-25T12:00:00Z");
const INSTANCE = "8f2c1d7e-0b4a-4c55-9d61-3e7a2b9c4f10";
const ctr = (name: string) => base64Json(loadCtr(name));
const run = (...data: string[]) => batchMetrics(kinesisEvent(...data).Records, NS, NOW);

/** The exact EMF document CloudWatch turns into one ContactsHandled and one ContactsAbandoned point. */
const emf = (queue: string, handled: 0 | 1, abandoned: 0 | 1, contactId: string, timestamp = 1795601181250) =>
  `{"_aws":{"Timestamp":${timestamp},"CloudWatchMetrics":[{"Namespace":"${NS}","Dimensions":[["InstanceId","QueueName"]],"Metrics":[{"Name":"ContactsHandled","Unit":"Count"},{"Name":"ContactsAbandoned","Unit":"Count"}]}]},"InstanceId":"${INSTANCE}","QueueName":"${queue}","ContactsHandled":${handled},"ContactsAbandoned":${abandoned},"ContactId":"${contactId}"}`;

describe("contact-record metrics: one EMF line per queued contact", () => {
  it("an agent-connected contact is handled in its queue, at the record's Kinesis arrival time", () => {
    const out = run(ctr("handled"));
    expect(out.lines).toStrictEqual([emf("GeneralAgentQueue", 1, 0, "0b7d3a52-6e1f-4c8a-9b2d-5f4e3c2a1b10")]);
    expect(ARRIVAL_SECONDS * 1000).toBe(1795601181250);
  });

  it("a caller who hung up in the queue before any agent is abandoned", () => {
    expect(run(ctr("abandoned")).lines).toStrictEqual([
      emf("FraudQueue", 0, 1, "6c1f8e24-9a3b-4d75-8e02-b4a7c9d1e3f5"),
    ]);
  });

  it("a contact that never reached a queue, or a flow disconnected from the queue, moves neither count", () => {
    const out = run(ctr("self-service"), ctr("flow-disconnect"));
    expect(out.lines).toStrictEqual([]);
    expect(out.malformed).toStrictEqual([]);
    expect(out.counts).toStrictEqual({ handled: 0, abandoned: 0, uncounted: 2, duplicates: 0 });
  });

  it("a queued contact whose agent connected still counts as handled if the caller hung up", () => {
    const record = { ...loadCtr("handled"), DisconnectReason: "CUSTOMER_DISCONNECT" };
    expect(run(base64Json(record)).lines).toStrictEqual([
      emf("GeneralAgentQueue", 1, 0, "0b7d3a52-6e1f-4c8a-9b2d-5f4e3c2a1b10"),
    ]);
  });

  it("a record delivered twice in one batch is counted once", () => {
    const out = run(ctr("abandoned"), ctr("abandoned"), ctr("handled"));
    expect(out.lines).toHaveLength(2);
    expect(out.counts).toStrictEqual({ handled: 1, abandoned: 1, uncounted: 0, duplicates: 1 });
  });

  it("without an arrival time the data point is stamped with the processing time", () => {
    const record = kinesisRecord(ctr("handled"), 1);
    const noArrival = { ...record, kinesis: { ...record.kinesis, approximateArrivalTimestamp: undefined } };
    const out = batchMetrics([noArrival as never], NS, NOW);
    expect(out.lines).toStrictEqual([
      emf("GeneralAgentQueue", 1, 0, "0b7d3a52-6e1f-4c8a-9b2d-5f4e3c2a1b10", NOW),
    ]);
  });
});

describe("records that cannot be read are skipped with a reason, never thrown", () => {
  const without = (o: Record<string, unknown>, key: string) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
  const noContactId = without(loadCtr("handled"), "ContactId");
  const queueWithoutName = without(loadCtr("abandoned").Queue as Record<string, unknown>, "Name");
  it.each([
    ["base64 garbage", "@@not*base64!!", "data is not base64-encoded JSON"],
    [
      "base64 of text that is not JSON",
      Buffer.from("CTR v1 |0b7d3a52|").toString("base64"),
      "data is not base64-encoded JSON",
    ],
    ["a JSON array", base64Json([loadCtr("handled")]), "record is not a JSON object"],
    ["no ContactId", base64Json(noContactId), "ContactId missing"],
    [
      "an InstanceARN that is not an instance",
      base64Json({ ...loadCtr("handled"), InstanceARN: "arn:aws:s3:::bucket" }),
      "InstanceARN missing or not a Connect instance ARN",
    ],
    [
      "a queued contact without a queue name",
      base64Json({ ...loadCtr("abandoned"), Queue: queueWithoutName }),
      "Queue.Name missing on a queued contact",
    ],
  ])("%s", (_label, data, reason) => {
    const out = run(data, ctr("handled"));
    expect(out.malformed).toStrictEqual([
      { sequenceNumber: `4965${"1".padStart(52, "0")}`, position: 0, reason },
    ]);
    // The good record after it in the batch is still counted.
    expect(out.lines).toHaveLength(1);
  });

  it("a record without kinesis.data is skipped", () => {
    const record = kinesisRecord(ctr("handled"), 1);
    const out = batchMetrics(
      [{ ...record, kinesis: { ...record.kinesis, data: undefined } } as never],
      NS,
      NOW,
    );
    expect(out.malformed).toStrictEqual([
      { sequenceNumber: record.kinesis.sequenceNumber, position: 0, reason: "kinesis.data missing" },
    ]);
  });

  it("a readable record without a sequence number is skipped by its position, never counted or given a made-up one", () => {
    const record = kinesisRecord(ctr("handled"), 1);
    const noSequence = { ...record, kinesis: { ...record.kinesis, sequenceNumber: undefined } };
    const out = batchMetrics([noSequence as never, kinesisRecord(ctr("abandoned"), 2)], NS, NOW);
    expect(out.malformed).toStrictEqual([
      { sequenceNumber: undefined, position: 0, reason: "kinesis.sequenceNumber missing" },
    ]);
    expect(out.counted.map((c) => [c.sequenceNumber, c.position])).toStrictEqual([
      [kinesisRecord("", 2).kinesis.sequenceNumber, 1],
    ]);
  });

  it("any JSON in a record yields a decision, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const decoded = decodeContactRecord(base64Json(value));
        expect(typeof decoded.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (raw) => expect(() => run(raw)).not.toThrow()),
      { numRuns: 300 },
    );
  });
});

describe("handler", () => {
  let handler: typeof import("../../lambda/ctr_metrics/index").handler;
  beforeAll(async () => {
    process.env.CONTACT_METRICS_NAMESPACE = NS;
    ({ handler } = await import("../../lambda/ctr_metrics/index"));
  });

  /** stdout (EMF, INFO) and stderr (WARN) lines, as CloudWatch Logs receives them. */
  function capture(): { lines: string[]; restore: () => void } {
    const lines: string[] = [];
    const record = (chunk: unknown) => (lines.push(...String(chunk).split("\n").filter(Boolean)), true);
    const spies = [
      jest.spyOn(process.stdout, "write").mockImplementation(record),
      jest.spyOn(process.stderr, "write").mockImplementation(record),
    ];
    return { lines, restore: () => spies.forEach((s) => s.mockRestore()) };
  }

  it("writes the EMF lines as whole log lines, warns about the unreadable record without its content and counts it skipped, reports no failures", async () => {
    const out = capture();
    const result = await handler(kinesisEvent(ctr("handled"), "@@garbage", ctr("abandoned")));
    out.restore();
    expect(result).toStrictEqual({ batchItemFailures: [] });
    const [handled, abandoned, skipped, ...more] = out.lines.filter((l) => l.startsWith('{"_aws"'));
    expect([handled, abandoned, more]).toStrictEqual([
      emf("GeneralAgentQueue", 1, 0, "0b7d3a52-6e1f-4c8a-9b2d-5f4e3c2a1b10"),
      emf("FraudQueue", 0, 1, "6c1f8e24-9a3b-4d75-8e02-b4a7c9d1e3f5"),
      [],
    ]);
    expect(JSON.parse(skipped!)).toStrictEqual({
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [
          {
            Namespace: NS,
            Dimensions: [["Reason"]],
            Metrics: [{ Name: "ContactRecordsSkipped", Unit: "Count" }],
          },
        ],
      },
      Reason: "unreadable",
      ContactRecordsSkipped: 1,
    });
    const warning = out.lines.map((l) => JSON.parse(l)).find((l) => l.level === "WARN");
    expect(warning).toMatchObject({
      message: "contact record skipped",
      reason: "data is not base64-encoded JSON",
    });
    expect(out.lines.join("\n")).not.toContain("+4477009");
  });

  it.each([{}, { Records: null }, { Records: [null] }])("survives an event of %p", async (event) => {
    const out = capture();
    await expect(handler(event as never)).resolves.toStrictEqual({ batchItemFailures: [] });
    out.restore();
  });

  it.each([
    [null, "null"],
    ["Records", "string"],
    [42, "number"],
    [[], "array"],
  ])(
    "answers %p, which is not an event, with its normal answer and a warning naming what came",
    async (event, kind) => {
      const out = capture();
      const result = await handler(event as never);
      out.restore();
      expect(result).toStrictEqual({ batchItemFailures: [] });
      expect(out.lines.map((l) => JSON.parse(l))).toMatchObject([
        { level: "WARN", message: "not a Kinesis event: nothing to count", received: kind },
      ]);
    },
  );
});

describe("contract with the alarms", () => {
  it("publishes the metric names the abandonment alarms read", () => {
    expect(CONTACT_METRIC_NAMES).toStrictEqual(CONTACT_RECORD_METRICS);
  });

  it("falls back to the namespace config defaults to", async () => {
    const { DEFAULT_NAMESPACE } = await import("../../lambda/ctr_metrics/index");
    expect(DEFAULT_NAMESPACE).toBe(loadConfig({ env: "dev" }).observability.contactMetricsNamespace);
  });
});
