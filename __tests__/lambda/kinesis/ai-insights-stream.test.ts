import { glueTables } from "../../../constructs/datalake/glue-tables";
import { createPorts } from "../../../lambda/lex_fallback/adapters";
import type { KinesisInsights } from "../../../lambda/lex_fallback/adapters/kinesis-insights";
import { loadConfig } from "../../../lambda/lex_fallback/config";
import type { Deps } from "../../../lambda/lex_fallback/handlers/types";
import { handleTurn } from "../../../lambda/lex_fallback/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { INSIGHT_METRIC_NAMES } from "../../../lambda/lex_fallback/shared/metrics";
import { lexEvent } from "../support/events";
import {
  lambdaEnv,
  startDynamo,
  startKinesis,
  startServices,
  type FakeServices,
  type LocalDynamo,
  type LocalKinesis,
} from "../support/local-aws";

/**
 * The deployed ports (real Kinesis client, HTTP/1.1) against kinesalite: what a turn puts on the
 * AI reporting stream is what the ai_insights table reads, and a stream that is not there costs
 * the turn nothing, is counted, and is made good by a later turn's put.
 */
let kinesis: LocalKinesis;
let dynamo: LocalDynamo;
let services: FakeServices;
const columns = glueTables({
  ctr: "ctr/",
  agentEvents: "agent-events/",
  lifecycleEvents: "lifecycle-events/",
  aiReporting: "ai-insights/",
})
  .find((t) => t.name === "ai_insights")!
  .columns.map((c) => c.name)
  .sort();

beforeAll(async () => {
  [kinesis, dynamo, services] = await Promise.all([
    startKinesis(),
    startDynamo(["authState", "securityEvents"]),
    startServices(),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all([kinesis?.close(), dynamo?.close(), services?.close()]);
});

let metricLines: string[];
beforeEach(() => {
  metricLines = [];
  jest.spyOn(logger, "warn").mockImplementation(() => undefined);
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: unknown) => {
    metricLines.push(
      ...String(chunk)
        .split("\n")
        .filter((l) => l.startsWith('{"_aws"')),
    );
    return true;
  });
});
afterEach(() => jest.restoreAllMocks());

function deployed(stream: string): { deps: Deps; insights: KinesisInsights } {
  const config = loadConfig({
    ...lambdaEnv(dynamo, services),
    AWS_ENDPOINT_URL_KINESIS: kinesis.endpoint,
    AI_INSIGHTS_STREAM_NAME: stream,
  });
  // The SDK reads endpoints and credentials from process.env, as in the function.
  Object.assign(process.env, lambdaEnv(dynamo, services), { AWS_ENDPOINT_URL_KINESIS: kinesis.endpoint });
  const ports = createPorts(config);
  return { deps: { config, ports }, insights: ports.insights as KinesisInsights };
}

it("puts one record per turn that the Glue table reads, with no transcript", async () => {
  await kinesis.createStream("ai-reporting");
  const { deps, insights } = deployed("ai-reporting");
  const reply = await handleTurn(
    lexEvent("TransferToAgent", { transcript: "agent please, my PIN is 4321", confidence: 0.93 }),
    deps,
  );
  expect(reply.sessionState.dialogAction.type).toBe("Close");
  await insights.flush();
  const stored = await kinesis.readAll("ai-reporting");
  expect(stored).toHaveLength(1);
  const record = JSON.parse(stored[0]!);
  expect(Object.keys(record).sort()).toEqual(columns);
  expect(record).toMatchObject({
    contact_id: "contact-7f3e",
    intent: "TransferToAgent",
    confidence: 0.93,
    handover: true,
    bedrock_used: false,
  });
  // Its random id and its time are left out: a UUID holds "4321" about once in 2,000 runs.
  const described = JSON.stringify(record, (key, value) =>
    ["record_id", "timestamp"].includes(key) ? undefined : value,
  );
  expect(described).not.toContain("4321");
  expect(described).not.toContain("agent please");
  expect(metricLines.filter((l) => l.includes(INSIGHT_METRIC_NAMES.failed))).toEqual([]);
});

it("a missing stream is counted, not raised, and the record goes with a later turn's put", async () => {
  const { deps, insights } = deployed("created-late");
  const reply = await handleTurn(lexEvent("BranchLocator", { slots: { Postcode: "SW1A 1AA" } }), deps);
  expect(reply.sessionState.dialogAction.type).toBe("Close");
  await insights.flush();
  expect(insights.pending).toBe(1);
  const failed = metricLines.map((l) => JSON.parse(l)).filter((m) => m[INSIGHT_METRIC_NAMES.failed] === 1);
  expect(failed).toHaveLength(1);

  await kinesis.createStream("created-late");
  await handleTurn(lexEvent("TransferToAgent"), deps);
  await insights.flush();
  const stored = (await kinesis.readAll("created-late")).map((r) => JSON.parse(r));
  expect(stored.map((r) => r.intent)).toEqual(["BranchLocator", "TransferToAgent"]);
  expect(insights.pending).toBe(0);
});
