import { execFileSync } from "node:child_process";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { createPorts } from "../lambda/lex_fallback/adapters";
import { loadConfig } from "../lambda/lex_fallback/config";
import { handleContactFlow } from "../lambda/lex_fallback/connect/orchestrator";
import { handleTurn } from "../lambda/lex_fallback/orchestrator";
import { logger } from "../lambda/lex_fallback/shared/logger";
import { connectEvent } from "../__tests__/lambda/support/connect-events";
import { harness } from "../__tests__/lambda/support/in-memory-ports";
import { lexEvent } from "../__tests__/lambda/support/events";
import {
  lambdaEnv,
  startDynamo,
  startKinesis,
  startServices,
  tableName,
  type FakeServices,
  type LocalDynamo,
  type LocalKinesis,
} from "../__tests__/lambda/support/local-aws";
import type { KinesisInsights } from "../lambda/lex_fallback/adapters/kinesis-insights";
import { bundleLambda } from "./build-lambda";
import { coldTurn } from "./support/cold-turn";

/**
 * Budgets: zip ≤ 300 KB, module init ≤ 150 ms, warm p99 ≤ 50 ms with ports stubbed; against
 * dynalite (real SDK clients, local banking stand-in): cold first sensitive turn ≤ 1,000 ms and
 * warm p99 of an authenticated CheckBalance ≤ 50 ms.
 */
const BUDGET = { zipKb: 300, initMs: 150, p99Ms: 50, coldMs: 1000 };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

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

async function warm(iterations: number): Promise<{ p50: number; p99: number }> {
  // Log writes to the terminal would dominate the timings; production logs INFO to CloudWatch.
  logger.setLogLevel("WARN");
  // One contact repeating turns would meet the per-contact limits; this measures the turns.
  const h = harness({ limits: { take: async () => true } });
  h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
  const events = [
    lexEvent("CheckBalance", { slots: { AccountType: "current" }, attributes: { customerId: "c-123" } }),
    lexEvent("InternalTransfer", {
      slots: { FromAccount: "current", ToAccount: "savings", Amount: "100" },
      confirmation: "Confirmed",
      attributes: { customerId: "c-123" },
    }),
    lexEvent("FallbackIntent", { transcript: "when do you open" }),
    lexEvent("BranchLocator", { slots: { Postcode: "SW1A 1AA" } }),
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
  // EMF metric lines go straight to stdout; still built and written, but not to the terminal.
  const terminalWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  const times: number[] = [];
  try {
    for (let i = 0; i < 200; i++) await invoke(i);
    for (let i = 0; i < iterations; i++) {
      const started = process.hrtime.bigint();
      await invoke(i);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    process.stdout.write = terminalWrite;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Median cold first turn (PIN check + balance) of fresh processes running the bundle. */
async function coldFirstTurn(jsPath: string, env: Record<string, string>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const event = lexEvent("CheckBalance", {
      slots: { AccountType: "current", Pin: "4321" },
      attributes: { customerId: "c-123" },
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
async function warmAgainstDynalite(
  dynamo: LocalDynamo,
  env: Record<string, string>,
  iterations: number,
  prefix = "bench-warm",
): Promise<{ p50: number; p99: number; insightsPending: number }> {
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
  const terminalWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  const times: number[] = [];
  try {
    for (const event of events) await handleTurn(event, deps);
    for (let i = 0; i < iterations; i++) {
      const started = process.hrtime.bigint();
      const reply = await handleTurn(events[i % events.length], deps);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (reply.sessionState.dialogAction.type !== "Close")
        throw new Error("warm CheckBalance did not answer");
    }
  } finally {
    process.stdout.write = terminalWrite;
  }
  times.sort((a, b) => a - b);
  const insights = deps.ports.insights as Partial<KinesisInsights>;
  await insights.flush?.();
  return { p50: percentile(times, 50), p99: percentile(times, 99), insightsPending: insights.pending ?? 0 };
}

async function main(): Promise<void> {
  const built = await bundleLambda({
    entry: "lambda/lex_fallback/index.ts",
    outDir: "dist",
    name: "lex_fallback",
  });
  const zipKb = built.zipBytes / 1024;
  const init = initMs(built.jsPath, 11);
  const { p50, p99 } = await warm(2000);
  let dynamo: LocalDynamo | undefined;
  let services: FakeServices | undefined;
  let kinesis: LocalKinesis | undefined;
  let cold: number;
  let real: { p50: number; p99: number };
  let withoutInsights: { p50: number; p99: number };
  let delivered: number;
  try {
    console.log("starting dynalite, kinesalite and the banking stand-in ...");
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
    console.log("cold first turns (5 fresh processes) ...");
    cold = await coldFirstTurn(built.jsPath, env, 5);
    console.log("warm authenticated CheckBalance against dynalite, no insight stream (500 turns) ...");
    // The first run in a process also warms the JIT: discard one, then compare like with like.
    await warmAgainstDynalite(dynamo, plain, 500, "bench-jit");
    withoutInsights = await warmAgainstDynalite(dynamo, plain, 500, "bench-plain");
    console.log("warm authenticated CheckBalance against dynalite and kinesalite (500 turns) ...");
    const withInsights = await warmAgainstDynalite(dynamo, env, 500);
    real = withInsights;
    delivered = (await kinesis.readAll("bench-ai-reporting")).length;
    if (withInsights.insightsPending > 0)
      throw new Error(`${withInsights.insightsPending} insight records undelivered`);
  } finally {
    await Promise.all([dynamo?.close(), services?.close(), kinesis?.close()]);
  }
  const row = (label: string, value: number, unit: string, budget: number) =>
    console.log(
      `${label.padEnd(22)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} budget ${budget} ${value <= budget ? "ok" : "OVER"}`,
    );
  console.log(
    `bundle ${built.jsPath} ${(built.jsBytes / 1024).toFixed(0)} KB entry + ${built.files.length - 1} lazy chunks, sha256 ${built.sha256Base64}`,
  );
  row("zip", zipKb, "KB", BUDGET.zipKb);
  row("module init (median)", init, "ms", BUDGET.initMs);
  row("warm invoke p50", p50, "ms", BUDGET.p99Ms);
  row("warm invoke p99", p99, "ms", BUDGET.p99Ms);
  row("dynalite cold 1st turn", cold, "ms", BUDGET.coldMs);
  row("dynalite warm p50", real.p50, "ms", BUDGET.p99Ms);
  row("dynalite warm p99", real.p99, "ms", BUDGET.p99Ms);
  console.log(
    `  of which AI insight puts: p50 ${(real.p50 - withoutInsights.p50).toFixed(1)} ms, p99 ${(real.p99 - withoutInsights.p99).toFixed(1)} ms (without: p50 ${withoutInsights.p50.toFixed(1)}, p99 ${withoutInsights.p99.toFixed(1)}); ${delivered} records on the stream`,
  );
  if (
    zipKb > BUDGET.zipKb ||
    init > BUDGET.initMs ||
    p99 > BUDGET.p99Ms ||
    cold > BUDGET.coldMs ||
    real.p99 > BUDGET.p99Ms
  )
    process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
