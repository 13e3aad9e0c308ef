import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleLambda } from "../../scripts/build-lambda";

describe("bundleLambda", () => {
  it("is deterministic, within the 300 KB zip budget, keeps the SDK out of the entry, and exports handler", async () => {
    const entry = join(__dirname, "../../lambda/lex_fallback/index.ts");
    const a = await bundleLambda({
      entry,
      outDir: mkdtempSync(join(tmpdir(), "lf-a-")),
      name: "lex_fallback",
    });
    const b = await bundleLambda({
      entry,
      outDir: mkdtempSync(join(tmpdir(), "lf-b-")),
      name: "lex_fallback",
    });
    expect(a.sha256Base64).toBe(b.sha256Base64);
    expect(readFileSync(a.zipPath).equals(readFileSync(b.zipPath))).toBe(true);
    expect(a.zipBytes).toBeLessThanOrEqual(300 * 1024);
    expect(a.files).toContain("index.mjs");
    // The DynamoDB wire protocol id lives in the SDK: in a lazily loaded chunk, never in module init.
    expect(readFileSync(a.jsPath, "utf8")).not.toContain("DynamoDB_20120810");
    const chunks = a.files.filter((f) => f.startsWith("chunks/"));
    expect(
      chunks.some((f) => readFileSync(join(a.jsPath, "..", f), "utf8").includes("DynamoDB_20120810")),
    ).toBe(true);
    // Loaded the way the Lambda runtime loads an .mjs handler: import() in a fresh process.
    const loaded = execFileSync(process.execPath, [
      "-e",
      `import(${JSON.stringify(a.jsPath)}).then((m) => process.stdout.write(typeof m.handler))`,
    ]).toString();
    expect(loaded).toBe("function");
  }, 60_000);
});

describe("bundleLambda: ctr_metrics", () => {
  it("is a small entry (the DynamoDB client in lazy chunks) that, loaded like the runtime loads it, turns a Kinesis batch into EMF lines", async () => {
    const out = await bundleLambda({
      entry: join(__dirname, "../../lambda/ctr_metrics/index.ts"),
      outDir: mkdtempSync(join(tmpdir(), "ctr-")),
      name: "ctr_metrics",
    });
    expect(out.files).toContain("index.mjs");
    // The client for the counted-contacts table loads on the first counted contact, not at init.
    expect(readFileSync(out.jsPath, "utf8")).not.toContain("DynamoDB_20120810");
    expect(out.zipBytes).toBeLessThanOrEqual(200 * 1024);
    const record = readFileSync(join(__dirname, "events/ctr/abandoned.json")).toString("base64");
    const event = {
      Records: [{ kinesis: { data: record, sequenceNumber: "1", approximateArrivalTimestamp: 1 } }],
    };
    const stdout = execFileSync(
      process.execPath,
      [
        "-e",
        `import(${JSON.stringify(out.jsPath)}).then(async (m) => process.stdout.write("RESULT " + JSON.stringify(await m.handler(${JSON.stringify(event)})) + "\\n"))`,
      ],
      { env: { ...process.env, CONTACT_METRICS_NAMESPACE: "Bundle/Test" } },
    ).toString();
    const lines = stdout.split("\n");
    const emf = JSON.parse(lines.find((l) => l.startsWith('{"_aws"'))!);
    expect(emf).toMatchObject({
      _aws: { Timestamp: 1000, CloudWatchMetrics: [{ Namespace: "Bundle/Test" }] },
      QueueName: "FraudQueue",
      ContactsAbandoned: 1,
      ContactsHandled: 0,
    });
    expect(lines).toContain('RESULT {"batchItemFailures":[]}');
  }, 60_000);
});

describe("bundleLambda: callback_status", () => {
  it("is a small entry (the DynamoDB client in lazy chunks) that, loaded like the runtime loads it, counts an event it cannot use without touching the table", async () => {
    const out = await bundleLambda({
      entry: join(__dirname, "../../lambda/callback_status/index.ts"),
      outDir: mkdtempSync(join(tmpdir(), "cbs-")),
      name: "callback_status",
    });
    expect(readFileSync(out.jsPath, "utf8")).not.toContain("DynamoDB_20120810");
    expect(out.zipBytes).toBeLessThanOrEqual(200 * 1024);
    const event = JSON.parse(
      readFileSync(join(__dirname, "events/callback/connected-to-agent.json"), "utf8"),
    );
    event.detail.initiationMethod = "INBOUND";
    const stdout = execFileSync(
      process.execPath,
      [
        "-e",
        `import(${JSON.stringify(out.jsPath)}).then(async (m) => process.stdout.write("RESULT " + JSON.stringify(await m.handler(${JSON.stringify(event)})) + "\\n"))`,
      ],
      // No table and no endpoint: an ignored event must never reach DynamoDB.
      { env: { ...process.env, CALLBACK_METRICS_NAMESPACE: "Bundle/Test", POWERTOOLS_LOG_LEVEL: "SILENT" } },
    ).toString();
    const lines = stdout.split("\n");
    expect(JSON.parse(lines.find((l) => l.startsWith('{"_aws"'))!)).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: "Bundle/Test", Dimensions: [["Outcome"]] }] },
      Outcome: "ignored",
      CallbackStatusEvents: 1,
    });
    expect(lines).toContain('RESULT "ignored"');
  }, 60_000);
});
