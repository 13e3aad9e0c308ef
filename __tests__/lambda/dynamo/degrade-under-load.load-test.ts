import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { DEPLOYED_TIMING, createPorts } from "../../../lambda/lex_fallback/adapters";
import { loadConfig } from "../../../lambda/lex_fallback/config";
import type { Deps } from "../../../lambda/lex_fallback/handlers/types";
import { handleTurn } from "../../../lambda/lex_fallback/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { startDynamoProxy, type DynamoProxy } from "../support/dynamo-proxy";
import { lexEvent } from "../support/events";
import { RecordingMetrics } from "../support/in-memory-ports";
import {
  lambdaEnv,
  startDynamo,
  startServices,
  tableName,
  type FakeServices,
  type LocalDynamo,
} from "../support/local-aws";

/**
 * Load against dynalite behind a proxy with a fixed capacity: each call is slower the more calls
 * share it. Six containers run turns (one at a time each, with the deployed timings, as Lambda
 * does) while the simulated calls of other containers rise step by step, so the load, not this
 * machine's speed, sets the latency. Answers must slow down before any fails; where turns start
 * to fail they fail slowly, not all refused at once; and a moment after the load drops every
 * container answers again (not after a fixed ten-second open breaker).
 */
let dynamo: LocalDynamo;
let proxy: DynamoProxy;
let services: FakeServices;
const saved = { ...process.env };

const CONTAINERS = 6;
const STEP_MS = 1_000;
/**
 * Simulated concurrent calls of other containers per step: ~40 ms a call at 0, ~600 ms at 90,
 * ~1 s at 160 (a turn makes three calls within a 2.8 s budget). Finer steps where turns start to fail.
 */
const BACKGROUND = [0, 20, 40, 70, 100, 115, 130, 145, 160, 180] as const;
const load = { serviceMs: 25, capacity: 4, background: 0 };
const SESSIONS_PER_CONTAINER = 200;

beforeAll(async () => {
  [dynamo, services] = await Promise.all([startDynamo(["authState", "securityEvents"]), startServices()]);
  proxy = await startDynamoProxy(dynamo.endpoint, { load });
  Object.assign(process.env, lambdaEnv(dynamo, services), {
    AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint,
    // Every turn is another contact; the customer limit must not be what fails them.
    RATE_LIMIT_CUSTOMER_SENSITIVE: "10000",
  });
  logger.setLogLevel("SILENT");
}, 30_000);

afterAll(async () => {
  process.env = saved;
  await Promise.all([proxy?.close(), dynamo?.close(), services?.close()]);
});

async function signIn(contactIds: readonly string[]): Promise<void> {
  const ttl = Math.floor(Date.now() / 1000) + 3600;
  for (let i = 0; i < contactIds.length; i += 25) {
    await dynamo.doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName("authState")]: contactIds.slice(i, i + 25).map((contactId) => ({
            PutRequest: {
              Item: {
                request_id: `session#${contactId}`,
                status: "AUTHENTICATED",
                customer_id: "c-load",
                method: "PIN",
                ttl,
              },
            },
          })),
        },
      }),
    );
  }
}

interface Container {
  readonly ids: readonly string[];
  next: number;
  readonly deps: Deps;
}

/** One authenticated balance check on the container's next contact: its time and whether it was answered. */
async function balanceTurn(container: Container): Promise<{ ms: number; answered: boolean }> {
  const contactId = container.ids[container.next++ % container.ids.length]!;
  const event = lexEvent("CheckBalance", {
    slots: { AccountType: "current" },
    attributes: { customerId: "c-load", contactId },
  });
  const started = performance.now();
  const reply = await handleTurn(event, container.deps);
  return { ms: performance.now() - started, answered: reply.sessionState.intent?.state === "Fulfilled" };
}

interface Step {
  readonly background: number;
  readonly turns: number;
  readonly failedShare: number;
  /** Median time of every turn, answered or not. */
  readonly p50: number;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function step(containers: readonly Container[]): Promise<Step> {
  const turns: Array<{ ms: number; answered: boolean }> = [];
  const until = Date.now() + STEP_MS;
  await Promise.all(
    containers.map(async (container) => {
      while (Date.now() < until) turns.push(await balanceTurn(container));
    }),
  );
  return {
    background: load.background,
    turns: turns.length,
    failedShare: turns.filter((t) => !t.answered).length / turns.length,
    p50: Math.round(median(turns.map((t) => t.ms))),
  };
}

it("answers slow down as load rises before any fails, then fail slowly rather than all at once, and recover as soon as it drops", async () => {
  const contacts = Array.from({ length: CONTAINERS }, (_, c) =>
    Array.from({ length: SESSIONS_PER_CONTAINER }, (_, i) => `load-${c}-${i}`),
  );
  await signIn(contacts.flat());
  const config = loadConfig(process.env);
  const containers: Container[] = contacts.map((ids) => ({
    ids,
    next: 0,
    deps: { config, ports: createPorts(config, DEPLOYED_TIMING, new RecordingMetrics()) },
  }));
  // The first turns load the SDK and each container's bank key: not part of any step.
  await balanceTurn(containers[0]!);
  await Promise.all(containers.map(balanceTurn));

  const steps: Step[] = [];
  for (const background of BACKGROUND) {
    load.background = background;
    steps.push(await step(containers));
    if (steps.at(-1)!.failedShare > 0.05) break;
  }

  // Slower before failing: the step that first fails turns comes after at least three that
  // answered every turn, ever more slowly. No cliff: at that step some turns are still answered,
  // and the median turn still takes time (trying), at least twice the unloaded one, where refusing
  // every turn at once takes ~0 ms. (Compared with the unloaded step, not the last answered one: with
  // six turns a step, two medians that close swap places when the machine is busy.)
  const answeredAll = steps.filter((s) => s.failedShare <= 0.05);
  const firstFailing = steps.find((s) => s.failedShare > 0.05);
  const verdict = {
    answeredAllAtLeastThreeSteps: answeredAll.length >= 3,
    slowedDownTwofold: answeredAll.at(-1)!.p50 > 2 * answeredAll[0]!.p50,
    someStillAnswered: firstFailing === undefined || firstFailing.failedShare < 0.9,
    failedSlowly: firstFailing === undefined || firstFailing.p50 > 2 * answeredAll[0]!.p50,
  };
  const report = `steps ${JSON.stringify(steps)}`;
  expect({ verdict, report }).toStrictEqual({
    verdict: {
      answeredAllAtLeastThreeSteps: true,
      slowedDownTwofold: true,
      someStillAnswered: true,
      failedSlowly: true,
    },
    report,
  });

  // The load drops: every container answers again within seconds (a breaker that opened is
  // tried again after 0.5 to 4 s, by how often it reopened), not after a fixed ten.
  load.background = 0;
  const dropped = Date.now();
  const recoveredAfterMs = await Promise.all(
    containers.map(async (container) => {
      while (Date.now() - dropped < 12_000) {
        if ((await balanceTurn(container)).answered) return Date.now() - dropped;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return Infinity;
    }),
  );
  expect({ allWithin5s: Math.max(...recoveredAfterMs) < 5_000, recoveredAfterMs, report }).toStrictEqual({
    allWithin5s: true,
    recoveredAfterMs,
    report,
  });
}, 60_000);
