import { BedrockLlm } from "../../lambda/lex_fallback/adapters/bedrock-llm";
import { loadConfig } from "../../config/load";
import { AI_METRICS } from "../../constructs/observability/metrics";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { logger } from "../../lambda/lex_fallback/shared/logger";
import { AI_METRIC_NAMES } from "../../lambda/lex_fallback/shared/metrics";
import { remotePolicy } from "../../lambda/lex_fallback/shared/resilience";
import type { Llm } from "../../lambda/lex_fallback/ports";
import { harness, TEST_CONFIG, type Harness } from "./support/in-memory-ports";
import { lexEvent, loadEvent } from "./support/events";

const NOW = Date.parse("2026-11-25T10:00:00Z");
const NS = TEST_CONFIG.aiMetricsNamespace;

/** The exact EMF document: dimensionless metrics in the AI namespace. */
function emf(metrics: Record<string, [number, "Count" | "Percent"]>): string {
  const names = Object.keys(metrics);
  return JSON.stringify({
    _aws: {
      Timestamp: NOW,
      CloudWatchMetrics: [
        { Namespace: NS, Dimensions: [[]], Metrics: names.map((n) => ({ Name: n, Unit: metrics[n]![1] })) },
      ],
    },
    ...Object.fromEntries(names.map((n) => [n, metrics[n]![0]])),
  });
}

/** The EMF documents the function writes while `run` runs. */
async function metricLines(h: Harness, run: () => Promise<unknown>): Promise<string[]> {
  jest.spyOn(Date, "now").mockReturnValue(NOW);
  jest.spyOn(logger, "warn").mockImplementation(() => undefined);
  jest.spyOn(logger, "error").mockImplementation(() => undefined);
  const before = h.metrics.documents.length;
  try {
    await run();
  } finally {
    jest.restoreAllMocks();
  }
  return h.metrics.documents.slice(before);
}

/** The real Converse adapter over a stub client: exercises the adapter's own error mapping. */
function converse(send: () => Promise<unknown>, timeoutMs = 1000): Llm {
  const client = async () => ({ send }) as never;
  return new BedrockLlm(
    "model",
    { id: "g1", version: "1" },
    client,
    remotePolicy({ timeoutMs, attempts: 1 }),
  );
}

const question = lexEvent("FallbackIntent", { transcript: "do you do travel money" });
const answered = { stopReason: "end_turn", output: { message: { content: [{ text: "Yes, in branch." }] } } };

describe("AI metrics of the LLM fallback", () => {
  it("an answer that passed the guardrail: validation succeeded, no hallucination", async () => {
    const h = harness({ llm: converse(async () => answered) });
    expect(await metricLines(h, () => handleTurn(question, h.deps))).toStrictEqual([
      emf({ HallucinationDetectionRate: [0, "Percent"], ValidationSuccessRate: [100, "Percent"] }),
    ]);
  });

  it("a guardrail intervention counts as a failed validation (feeds the hallucination-rate alarms)", async () => {
    const blocked = {
      stopReason: "guardrail_intervened",
      output: { message: { content: [{ text: "Sorry." }] } },
    };
    const h = harness({ llm: converse(async () => blocked) });
    expect(await metricLines(h, () => handleTurn(question, h.deps))).toStrictEqual([
      emf({ HallucinationDetectionRate: [100, "Percent"], ValidationSuccessRate: [0, "Percent"] }),
    ]);
  });

  it("Converse failing counts one BedrockAPIErrors", async () => {
    const throttled = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
    const h = harness({ llm: converse(async () => Promise.reject(throttled)) });
    expect(await metricLines(h, () => handleTurn(question, h.deps))).toStrictEqual([
      emf({ BedrockAPIErrors: [1, "Count"] }),
    ]);
  });

  it("Converse hanging past its timeout counts one ValidationTimeouts and no API error", async () => {
    const h = harness({ llm: converse(() => new Promise(() => undefined), 30) });
    const lines = await metricLines(h, async () => {
      const response = await handleTurn(question, h.deps);
      // The caller is still answered: a re-prompt that offers an agent.
      expect(response.sessionState.dialogAction).toStrictEqual({ type: "ElicitIntent" });
    });
    expect(lines).toStrictEqual([emf({ ValidationTimeouts: [1, "Count"] })]);
  });

  it("an SDK request timeout is a timeout too", async () => {
    const timedOut = Object.assign(new Error("socket timed out"), { name: "TimeoutError" });
    const h = harness({ llm: { answer: async () => Promise.reject(timedOut) } });
    expect(await metricLines(h, () => handleTurn(question, h.deps))).toStrictEqual([
      emf({ ValidationTimeouts: [1, "Count"] }),
    ]);
  });
});

describe("HandoverRate: one point per conversation the code hook closes", () => {
  it("a fraud report closes with a transfer: 100", async () => {
    const h = harness();
    expect(await metricLines(h, () => handleTurn(loadEvent("ReportFraud", "base"), h.deps))).toStrictEqual([
      emf({ HandoverRate: [100, "Percent"] }),
    ]);
  });

  it("the third fallback in a row hands over: 100, without calling the LLM", async () => {
    const h = harness();
    const third = lexEvent("FallbackIntent", { transcript: "hmm", attributes: { fallbackCount: "2" } });
    expect(await metricLines(h, () => handleTurn(third, h.deps))).toStrictEqual([
      emf({ HandoverRate: [100, "Percent"] }),
    ]);
  });

  it("a balance served to an authenticated caller closes without a transfer: 0", async () => {
    const h = harness();
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const lines = await metricLines(h, () => handleTurn(loadEvent("CheckBalance", "base"), h.deps));
    expect(lines).toStrictEqual([emf({ HandoverRate: [0, "Percent"] })]);
  });

  it("a turn that keeps the conversation going (PIN prompt) publishes no handover point", async () => {
    const h = harness();
    expect(await metricLines(h, () => handleTurn(loadEvent("CheckBalance", "base"), h.deps))).toStrictEqual(
      [],
    );
  });
});

describe("contract with the alarms", () => {
  it("every metric name the Lambda publishes is one the alarms and dashboard read", () => {
    const known = new Set<string>(Object.values(AI_METRICS));
    expect(Object.values(AI_METRIC_NAMES).filter((n) => !known.has(n))).toStrictEqual([]);
  });

  it("the namespace defaults to config's aiMetricsNamespace", () => {
    expect(NS).toBe(loadConfig({ env: "dev" }).observability.aiMetricsNamespace);
  });
});
