import { execFileSync } from "node:child_process";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { createPorts } from "../../lambda/lex_fallback/adapters";
import { loadConfig } from "../../lambda/lex_fallback/config";
import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { logger } from "../../lambda/lex_fallback/shared/logger";
import { connectEvent } from "../../__tests__/lambda/support/connect-events";
import { harness } from "../../__tests__/lambda/support/in-memory-ports";
import { lexEvent } from "../../__tests__/lambda/support/events";
import {
  lambdaEnv,
  startDynamo,
  startKinesis,
  startServices,
  tableName,
  type FakeServices,
  type LocalDynamo,
  type LocalKinesis,
} from "../../__tests__/lambda/support/local-aws";
import type { KinesisInsights } from "../../lambda/lex_fallback/adapters/kinesis-insights";
import { bundleLambda } from "../build-lambda";
import { logSummary, quietly, type QuietRun } from "./bench-output";
import { percentile } from "./bench-stats";
import { type CliOutput } from "./cli-args";
import { coldTurn } from "./cold-turn";

/**
 * Budgets: zip ≤ 300 KB, module init ≤ 150 ms, warm p99 ≤ 50 ms with ports stubbed; against
 * dynalite (real SDK clients, local banking stand-in): cold first sensitive turn ≤ 1,000 ms and
 * warm p99 of an authenticated CheckBalance ≤ 50 ms.
 */
const BUDGET = { zipKb: 300, initMs: 150, p99Ms: 50, coldMs: 1000 };

/**
 * Median time to load the bundle in a fresh Node process, the way the Lambda runtime loads it
 * (import() for .mjs, require for .js): what a cold start pays for our code before the handler.
 */
function initMs(jsPath: string, runs: number): number {
  const load = jsPath.endsWith(".mjs") ? "import(f).then(done)" : "(require(f), done())";
  const script = `const t=process.hrtime.bigint();const f=${JSON.stringify(jsPath)};const done=()=>process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));${load}`;
  const times = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ["-e", script]).toString()),
  );
  return percentile(
    [...times].sort((a, b) => a - b),
    50,
  );
}

async function warm(iterations: number): Promise<{ p50: number; p99: number } & QuietRun> {
  // Warnings stay on: the section reports any it logs. Production logs INFO to CloudWatch.
  logger.setLogLevel("WARN");
  // One contact repeating turns would meet the per-contact limits; this measures the turns.
  const h = harness({ limits: { take: async () => true } });
  h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
  // As the flows send them: the contact id and the claimed customer as session attributes.
  const attributes = { customerId: "c-123", contactId: "contact-7f3e" };
  const events = [
    lexEvent("CheckBalance", { slots: { AccountType: "current" }, attributes }),
    lexEvent("InternalTransfer", {
      slots: { FromAccount: "current", ToAccount: "savings", Amount: "100" },
      confirmation: "Confirmed",
      attributes,
    }),
    lexEvent("FallbackIntent", { transcript: "when do you open", attributes }),
    lexEvent("BranchLocator", { slots: { Postcode: "SW1A 1AA" }, attributes }),
  ];
  // The flows' calls go through the same function: a PIN check and a callback request.
  const flowEvents = [
    connectEvent({ operation: "verify_pin", pin: "4321" }),
    connectEvent({ operation: "request_callback", category: "Cards" }),
  ];
  const invoke = (i: number) =>
    i % 3 === 2
      ? handleContactFlow(flowEvents[i % flowEvents.length], h.deps)
      : handleTurn(events[i % events.length], h.deps);
  const { value: times, records } = await quietly(async () => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) await invoke(i);
    for (let i = 0; i < iterations; i++) {
      const started = process.hrtime.bigint();
      await invoke(i);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return times;
  });
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), records };
}

/** Median cold first turn (PIN check + balance) of fresh processes running the bundle. */
async function coldFirstTurn(jsPath: string, env: Record<string, string>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const event = lexEvent("CheckBalance", {
      slots: { AccountType: "current", Pin: "4321" },
      attributes: { customerId: "c-123", contactId: `bench-cold-${i}` },
      inputMode: "DTMF",
    });
    event.sessionId = `bench-cold-${i}`;
    const turn = await coldTurn(jsPath, event, env);
    if (turn.response.sessionState?.dialogAction?.type !== "Close") {
      throw new Error(`cold turn ${i} did not answer: ${JSON.stringify(turn.response)}`);
    }
    times.push(turn.firstTurnMs);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

/**
 * Authenticated CheckBalance through real ports: session read, two rate-limit writes, one banking
 * call. Spread over 50 contacts and customers so no contact meets its per-window limit.
 */
interface DynaliteWarm extends QuietRun {
  readonly p50: number;
  readonly p99: number;
  /** Time each turn spent handing its AI insight record to the stream sink (the put itself is not awaited). */
  readonly recordMs: readonly number[];
  readonly insightsPending: number;
}

async function warmAgainstDynalite(
  dynamo: LocalDynamo,
  env: Record<string, string>,
  iterations: number,
  prefix = "bench-warm",
): Promise<DynaliteWarm> {
  Object.assign(process.env, env);
  const config = loadConfig(process.env);
  const deps = { config, ports: createPorts(config) };
  const contacts = Array.from({ length: 50 }, (_, i) => `${prefix}-${i}`);
  for (const [i, contactId] of contacts.entries()) {
    await dynamo.doc.send(
      new PutCommand({
        TableName: tableName("authState"),
        Item: {
          request_id: `session#${contactId}`,
          status: "AUTHENTICATED",
          customer_id: `c-bench-${i}`,
          method: "PIN",
          ttl: Math.floor(Date.now() / 1000) + 3600,
        },
      }),
    );
  }
  const events = contacts.map((contactId, i) =>
    lexEvent("CheckBalance", {
      slots: { AccountType: "current" },
      attributes: { customerId: `c-bench-${i}`, contactId },
    }),
  );
  // The sink's own record(): what a turn pays for its insight record, measured where it is paid.
  const sink = deps.ports.insights as { record: (r: never) => void };
  const recordInto = sink.record.bind(sink);
  const recordMs: number[] = [];
  sink.record = (r: never) => {
    const started = process.hrtime.bigint();
    recordInto(r);
    recordMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  const { value: times, records } = await quietly(async () => {
    const times: number[] = [];
    for (const event of events) await handleTurn(event, deps);
    recordMs.length = 0;
    for (let i = 0; i < iterations; i++) {
      const started = process.hrtime.bigint();
      const reply = await handleTurn(events[i % events.length], deps);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (reply.sessionState.dialogAction.type !== "Close")
        throw new Error("warm CheckBalance did not answer");
    }
    return times;
  });
  times.sort((a, b) => a - b);
  const insights = deps.ports.insights as Partial<KinesisInsights>;
  // A flush returns the put in flight; records buffered meanwhile go with the next one.
  for (let i = 0; i < 10 && (insights.pending ?? 0) > 0; i++) await insights.flush?.();
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    recordMs: [...recordMs].sort((a, b) => a - b),
    records,
    insightsPending: insights.pending ?? 0,
  };
}

export const BENCH_LAMBDA_CLI = {
  name: "bench:lambda",
  summary: `lex_fallback's zip size, module init and warm latency with stubbed ports, then against dynalite and kinesalite; budgets zip ${BUDGET.zipKb} KB, init ${BUDGET.initMs} ms, p99 ${BUDGET.p99Ms} ms, cold first turn ${BUDGET.coldMs} ms. Exit 1 over budget.`,
  flags: {},
} as const;

export async function benchLambdaMain(_args: unknown, out: CliOutput): Promise<number> {
  // The SDK's notice that its 2027 releases need Node 22 is not a result of this bench.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const say = (line: string) => out.stdout(`${line}\n`);
  const built = await bundleLambda({
    entry: "lambda/lex_fallback/index.ts",
    outDir: "dist",
    name: "lex_fallback",
  });
  const zipKb = built.zipBytes / 1024;
  const init = initMs(built.jsPath, 11);
  const stubbed = await warm(2000);
  let dynamo: LocalDynamo | undefined;
  let services: FakeServices | undefined;
  let kinesis: LocalKinesis | undefined;
  let cold: number;
  let real: DynaliteWarm;
  let withoutInsights: DynaliteWarm;
  let delivered: number;
  try {
    say("starting dynalite, kinesalite and the banking stand-in ...");
    [dynamo, services, kinesis] = await Promise.all([
      startDynamo(["authState", "securityEvents"]),
      startServices(),
      startKinesis(),
    ]);
    await kinesis.createStream("bench-ai-reporting");
    const plain = lambdaEnv(dynamo, services);
    // As deployed: every turn also puts its AI insight record on the reporting stream.
    const env = {
      ...plain,
      AWS_ENDPOINT_URL_KINESIS: kinesis.endpoint,
      AI_INSIGHTS_STREAM_NAME: "bench-ai-reporting",
    };
    say("cold first turns (5 fresh processes) ...");
    cold = await coldFirstTurn(built.jsPath, env, 5);
    say("warm authenticated CheckBalance against dynalite, no insight stream (500 turns) ...");
    // The first run in a process also warms the JIT: discard one, then compare like with like.
    await warmAgainstDynalite(dynamo, plain, 500, "bench-jit");
    withoutInsights = await warmAgainstDynalite(dynamo, plain, 500, "bench-plain");
    say("warm authenticated CheckBalance against dynalite and kinesalite (500 turns) ...");
    real = await warmAgainstDynalite(dynamo, env, 500);
    delivered = (await kinesis.readAll("bench-ai-reporting")).length;
    if (real.insightsPending > 0) throw new Error(`${real.insightsPending} insight records undelivered`);
  } finally {
    await Promise.all([dynamo?.close(), services?.close(), kinesis?.close()]);
  }
  const over: string[] = [];
  const row = (label: string, value: number, unit: string, budget: number) => {
    if (value > budget) over.push(`${label} ${value.toFixed(1)} ${unit} > ${budget} ${unit}`);
    say(
      `${label.padEnd(22)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} budget ${budget} ${value <= budget ? "ok" : "OVER"}`,
    );
  };
  say(
    `bundle ${built.jsPath} ${(built.jsBytes / 1024).toFixed(0)} KB entry + ${built.files.length - 1} lazy chunks, sha256 ${built.sha256Base64}`,
  );
  row("zip", zipKb, "KB", BUDGET.zipKb);
  row("module init (median)", init, "ms", BUDGET.initMs);
  say(`${"warm invoke p50".padEnd(22)} ${stubbed.p50.toFixed(1).padStart(8)} ms`);
  row("warm invoke p99", stubbed.p99, "ms", BUDGET.p99Ms);
  row("dynalite cold 1st turn", cold, "ms", BUDGET.coldMs);
  say(`${"dynalite warm p50".padEnd(22)} ${real.p50.toFixed(1).padStart(8)} ms`);
  row("dynalite warm p99", real.p99, "ms", BUDGET.p99Ms);
  const ms = (n: number) => n.toFixed(n < 1 ? 3 : 1);
  say(
    `  AI insight records: handing one to the stream sink p50 ${ms(percentile(real.recordMs, 50))} ms, p99 ${ms(percentile(real.recordMs, 99))} ms (the put is not awaited); turns with the stream p50/p99 ${ms(real.p50)}/${ms(real.p99)} ms, without ${ms(withoutInsights.p50)}/${ms(withoutInsights.p99)} ms; ${delivered} records on the stream`,
  );
  for (const [section, records] of [
    ["warm turns (stubbed ports)", stubbed.records],
    ["warm turns (dynalite)", [...withoutInsights.records, ...real.records]],
  ] as const) {
    const line = logSummary(section, records);
    if (line !== undefined) say(line);
  }
  say(over.length === 0 ? "within budget" : `OVER BUDGET: ${over.join("; ")}`);
  return over.length === 0 ? 0 : 1;
}
