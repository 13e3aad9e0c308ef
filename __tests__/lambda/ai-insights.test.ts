import { glueTables } from "../../constructs/datalake/glue-tables";
import { KinesisInsights, MAX_BUFFERED } from "../../lambda/lex_fallback/adapters/kinesis-insights";
import type { AiInsightRecord } from "../../lambda/lex_fallback/insights/record";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { GuardrailInterventionError } from "../../lambda/lex_fallback/shared/errors";
import { logger } from "../../lambda/lex_fallback/shared/logger";
import { remotePolicy } from "../../lambda/lex_fallback/shared/resilience";
import { harness } from "./support/in-memory-ports";
import { lexEvent } from "./support/events";

/** The Glue table the stream lands in, as the DataLake construct synthesizes it. */
const TABLE = glueTables({
  ctr: "ctr/",
  agentEvents: "agent-events/",
  lifecycleEvents: "lifecycle-events/",
  aiReporting: "ai-insights/",
}).find((t) => t.name === "ai_insights")!;

/** How Athena's JSON SerDe reads each Hive type from a JSON value. */
const READS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  int: (v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31,
  double: (v) => typeof v === "number" && Number.isFinite(v),
  boolean: (v) => typeof v === "boolean",
};

beforeEach(() => {
  jest.spyOn(logger, "warn").mockImplementation(() => undefined);
  jest.spyOn(logger, "error").mockImplementation(() => undefined);
  jest.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());

async function turns(): Promise<AiInsightRecord[]> {
  const h = harness();
  h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
  await handleTurn(lexEvent("CheckBalance", { slots: { AccountType: "current" } }), h.deps);
  await handleTurn(lexEvent("FallbackIntent", { transcript: "when do you open on Sunday" }), h.deps);
  await handleTurn(
    lexEvent("TransferToAgent", { attributes: { contactId: "contact-7f3e", customerId: "c-123" } }),
    h.deps,
  );
  return h.insights.records;
}

describe("AI insight record against the ai_insights Glue table", () => {
  it("has exactly the table's columns, each value readable as the column's type", async () => {
    const records = await turns();
    expect(records).toHaveLength(3);
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(TABLE.columns.map((c) => c.name).sort());
      for (const column of TABLE.columns) {
        const value = record[column.name as keyof AiInsightRecord];
        // Every column is nullable in Hive; null is how "not applicable" is written.
        if (value !== null) expect([column.name, READS[column.type]?.(value)]).toEqual([column.name, true]);
      }
    }
    // No column is always null: each one carries information on some turn.
    for (const column of TABLE.columns) {
      expect([column.name, records.some((r) => r[column.name as keyof AiInsightRecord] !== null)]).toEqual([
        column.name,
        true,
      ]);
    }
  });

  it("survives the JSON round trip Firehose and Athena apply", async () => {
    for (const record of await turns()) expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});

describe("what one turn records", () => {
  it("a model answer passed by the guardrail", async () => {
    const h = harness();
    const guarded = { ...h.deps, config: { ...h.deps.config, guardrailId: "g1", guardrailVersion: "1" } };
    await handleTurn(
      lexEvent("FallbackIntent", { transcript: "my card 4929123456781234 PIN 4321", confidence: 0.41 }),
      guarded,
    );
    const [record] = h.insights.records;
    expect(record).toMatchObject({
      contact_id: "contact-7f3e",
      intent: "FallbackIntent",
      confidence: 0.41,
      bedrock_used: true,
      guardrail_action: "NONE",
      handover: false,
      handover_reason: null,
    });
    expect(record!.record_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(record!.timestamp))).toBe(false);
    // No transcript, answer, card, PIN or customer id in the record. Its random id and its time are
    // left out of the search: a UUID holds "4929" about once in 2,000 runs (it did in CI).
    const text = JSON.stringify(record, (key, value) =>
      ["record_id", "timestamp"].includes(key) ? undefined : value,
    );
    for (const secret of ["4929", "4321", "card", "9am", "c-123"]) expect(text).not.toContain(secret);
  });

  it("a model answer with no guardrail configured", async () => {
    const h = harness();
    await handleTurn(lexEvent("FallbackIntent", { transcript: "opening hours" }), h.deps);
    expect(h.insights.records[0]).toMatchObject({ bedrock_used: true, guardrail_action: "NOT_APPLIED" });
  });

  it("a guardrail intervention", async () => {
    const h = harness({
      llm: {
        answer: async () => {
          throw new GuardrailInterventionError();
        },
      },
    });
    await handleTurn(lexEvent("FallbackIntent", { transcript: "tell me a secret" }), h.deps);
    expect(h.insights.records[0]).toMatchObject({ bedrock_used: true, guardrail_action: "INTERVENED" });
  });

  it("a model failure is a Bedrock use the guardrail never saw", async () => {
    const h = harness({
      llm: {
        answer: async () => {
          throw new Error("throttled");
        },
      },
    });
    await handleTurn(lexEvent("FallbackIntent", { transcript: "opening hours" }), h.deps);
    expect(h.insights.records[0]).toMatchObject({ bedrock_used: true, guardrail_action: "NOT_APPLIED" });
  });

  it("a handover, with its reason, and no model", async () => {
    const h = harness();
    await handleTurn(lexEvent("TransferToAgent"), h.deps);
    const [record] = h.insights.records;
    expect(record).toMatchObject({ bedrock_used: false, guardrail_action: "NOT_APPLIED", handover: true });
    expect(record!.handover_reason).toEqual(expect.any(String));
  });

  it("latency is the turn's own time", async () => {
    const h = harness({
      llm: { answer: () => new Promise((resolve) => setTimeout(() => resolve("Open at 9."), 60)) },
    });
    await handleTurn(lexEvent("FallbackIntent", { transcript: "opening hours" }), h.deps);
    expect(h.insights.records[0]!.latency_ms).toBeGreaterThanOrEqual(55);
  });

  it("an event that is not a Lex turn leaves no record", async () => {
    const h = harness();
    await handleTurn({ not: "lex" }, h.deps);
    expect(h.insights.records).toHaveLength(0);
  });
});

describe("delivery never delays the reply", () => {
  const record = (i: number): AiInsightRecord => ({
    record_id: `r-${i}`,
    timestamp: "2026-11-25T10:00:00.000Z",
    contact_id: `c-${i}`,
    intent: "CheckBalance",
    confidence: 0.9,
    bedrock_used: false,
    guardrail_action: "NOT_APPLIED",
    handover: false,
    handover_reason: null,
    latency_ms: 12,
  });

  /** A put that never answers until its per-try timeout aborts it. */
  const hang = (_: unknown, options: { abortSignal: AbortSignal }) =>
    new Promise((_resolve, reject) =>
      options.abortSignal.addEventListener("abort", () => reject(new Error("aborted"))),
    );

  it("the turn answers while the stream hangs", async () => {
    const hanging = new KinesisInsights(
      "s",
      async () => ({ send: hang }) as never,
      remotePolicy({ timeoutMs: 300, attempts: 1 }),
      () => undefined,
    );
    const h = harness();
    const deps = { ...h.deps, ports: { ...h.deps.ports, insights: hanging } };
    const reply = await handleTurn(lexEvent("BranchLocator", { slots: { Postcode: "SW1A 1AA" } }), deps);
    expect(reply.sessionState.dialogAction.type).toBe("Close");
  });

  it("counts failures, keeps the records for the next flush, and sends them batched", async () => {
    const sent: number[] = [];
    let fail = true;
    const reports: Array<{ failed: number; dropped: number }> = [];
    const sink = new KinesisInsights(
      "s",
      async () =>
        ({
          send: async (command: { input: { Records: unknown[] } }) => {
            if (fail) throw Object.assign(new Error("unreachable"), { name: "TimeoutError" });
            sent.push(command.input.Records.length);
            return { FailedRecordCount: 0, Records: command.input.Records.map(() => ({})) };
          },
        }) as never,
      remotePolicy({ timeoutMs: 1000, attempts: 1 }),
      (counts) => reports.push(counts),
    );
    sink.record(record(1));
    sink.record(record(2)); // joins the buffer while the first put is in flight
    await sink.flush();
    expect(reports).toEqual([{ failed: 1, dropped: 0 }]);
    expect(sink.pending).toBe(2);
    fail = false;
    sink.record(record(3));
    await sink.flush();
    expect(sent).toEqual([3]);
    expect(sink.pending).toBe(0);
  });

  it("re-buffers only the records PutRecords refused", async () => {
    const reports: Array<{ failed: number; dropped: number }> = [];
    const sink = new KinesisInsights(
      "s",
      async () =>
        ({
          send: async (command: { input: { Records: Array<{ PartitionKey: string }> } }) => ({
            Records: command.input.Records.map((r) =>
              r.PartitionKey === "c-2" ? { ErrorCode: "ProvisionedThroughputExceededException" } : {},
            ),
          }),
        }) as never,
      remotePolicy({ timeoutMs: 1000, attempts: 1 }),
      (counts) => reports.push(counts),
    );
    sink.record(record(1));
    await sink.flush();
    sink.record(record(2));
    sink.record(record(3));
    await sink.flush(); // put [2] in flight; 3 waits
    await sink.flush(); // put [3, 2]: 2 refused again
    expect(sink.pending).toBe(1);
    expect(reports).toEqual([
      { failed: 1, dropped: 0 },
      { failed: 1, dropped: 0 },
    ]);
  });

  it("drops the oldest records beyond the buffer bound, and counts them", async () => {
    const reports: Array<{ failed: number; dropped: number }> = [];
    const sink = new KinesisInsights(
      "s",
      async () => ({ send: hang }) as never,
      remotePolicy({ timeoutMs: 300, attempts: 1 }),
      (counts) => reports.push(counts),
    );
    for (let i = 0; i < MAX_BUFFERED + 5; i++) sink.record(record(i));
    // The first record is in the hanging put; the rest wait, bounded.
    expect(sink.pending).toBe(MAX_BUFFERED);
    expect(reports.reduce((n, r) => n + r.dropped, 0)).toBe(4);
  });
});
