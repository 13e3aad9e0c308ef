import { authenticate } from "./auth/gate";
import { RateLimitedError, meteredBanking } from "./auth/rate-limit";
import { INPUT_ATTRIBUTES } from "./contract";
import { transferAttributes } from "./handlers/common";
import { HELP } from "./handlers/general/fallback";
import { HANDLERS } from "./handlers/registry";
import type { Deps } from "./handlers/types";
import { FALLBACK_INTENT, HANDLED_INTENTS, SENSITIVE_INTENTS, type HandledIntentName } from "./intents";
import { close, elicitIntent } from "./lex/reply";
import type { LexResponse } from "./lex/response";
import { parseTurn, type ParseResult } from "./lex/parse";
import type { Caller, Turn } from "./lex/turn";
import { withinBudget } from "./shared/budget";
import { BudgetExceededError } from "./shared/errors";
import { logger } from "./shared/logger";
import { failedCall } from "./shared/resilience";
import { emitAiMetrics, handoverMetrics } from "./shared/metrics";
import { insightRecord, observeModel } from "./insights/record";

/** Urgent or explicit requests are served even when Lex was unsure. */
const NEVER_DIVERT: ReadonlySet<string> = new Set(["ReportFraud", "ReportLostStolenCard", "TransferToAgent"]);
const SENSITIVE: ReadonlySet<string> = new Set(SENSITIVE_INTENTS);

function isHandled(name: string): name is HandledIntentName {
  return (HANDLED_INTENTS as readonly string[]).includes(name);
}

/** Lex was unsure on the first turn of an intent: treat it as unknown input. */
function lowConfidence(turn: Turn, threshold: number): boolean {
  const fresh =
    Object.values(turn.slots).every((s) => s?.value === undefined) && turn.confirmationState === "None";
  return (
    turn.source === "DialogCodeHook" && fresh && turn.confidence !== undefined && turn.confidence < threshold
  );
}

/**
 * Hand-over reason when a dependency was unavailable (failed after its retries, or its breaker was
 * open), so the advisor and the handover metrics see what was down; other failures are
 * SystemUnavailable, a spent turn budget Timeout.
 */
const UNAVAILABLE: Readonly<Record<string, string>> = {
  banking: "BankUnavailable",
  // The bank's API key: without it no bank call can be made.
  secrets: "BankUnavailable",
  dynamo: "AuthUnavailable",
};

function handoverReason(error: unknown): string {
  if (error instanceof BudgetExceededError) return "Timeout";
  const failed = failedCall(error);
  return (failed && UNAVAILABLE[failed.dependency]) ?? "SystemUnavailable";
}

/** The single place where failures become a Lex response: apologise and hand over to a person. */
function failure(turn: Turn, deps: Deps, error: unknown): LexResponse {
  const failed = failedCall(error);
  logger.error("turn failed", { intent: turn.intentName, ...(failed ? { unavailable: failed } : {}), error });
  return close(
    turn,
    "Failed",
    "I'm sorry, I can't complete that right now. I'm transferring you to a colleague who can help.",
    { attributes: transferAttributes(deps.config.agentQueue, handoverReason(error), "Normal") },
  );
}

function pick(turn: Turn, threshold: number): HandledIntentName {
  const name = turn.intentName;
  if (!isHandled(name)) return FALLBACK_INTENT;
  if (!NEVER_DIVERT.has(name) && lowConfidence(turn, threshold)) return FALLBACK_INTENT;
  return name;
}

async function route(turn: Turn, deps: Deps): Promise<LexResponse> {
  const name = pick(turn, deps.config.confidenceThreshold);
  const claimed: Caller = { customerId: turn.attributes[INPUT_ATTRIBUTES.customerId], authenticated: false };
  if (name === FALLBACK_INTENT) return HANDLERS[name]({ ...turn, caller: claimed }, deps);
  if (!SENSITIVE.has(name)) {
    const session = await deps.ports.auth.getSession(turn.contactId).catch(() => undefined);
    const caller: Caller = session ? { customerId: session.customerId, authenticated: true } : claimed;
    return HANDLERS[name]({ ...turn, caller }, deps);
  }
  // The limits count bank calls (auth/rate-limit.ts), not turns: prompts and slot questions are free.
  const metered: Deps = {
    ...deps,
    ports: { ...deps.ports, banking: meteredBanking(deps, turn.contactId, turn.intentName) },
  };
  try {
    const gate = await authenticate(turn, metered);
    if (gate.kind === "reply") return gate.response;
    return await HANDLERS[name]({ ...gate.turn, caller: gate.caller }, metered);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return close(
      turn,
      "Failed",
      "I can't do any more of that on this call. I'm transferring you to a colleague now.",
      { attributes: transferAttributes(deps.config.agentQueue, "RateLimited", "High") },
    );
  }
}

/**
 * One Lex V2 code-hook turn: validate, route by intent (unknown or unsure → fallback), gate sensitive
 * intents on authentication, run the handler inside the time budget. Never throws. Each valid turn
 * leaves one AI insight record (ids, labels, timings; no transcript), sent off the reply path.
 */
export async function handleTurn(
  raw: unknown,
  deps: Deps,
  budgetMs = deps.config.turnBudgetMs,
): Promise<LexResponse> {
  const startedMs = Date.now();
  const parsed = parseTurn(raw, deps.config.customerIdFormat);
  const model = observeModel(deps.ports.llm, deps.config.guardrailId !== undefined);
  const response = await answerTurn(parsed, { ...deps, ports: { ...deps.ports, llm: model.llm } }, budgetMs);
  emitAiMetrics(deps.ports.metrics, deps.config.aiMetricsNamespace, handoverMetrics(response));
  if (parsed.ok) {
    const { turn } = parsed;
    deps.ports.insights.record(
      insightRecord(
        {
          contactId: turn.contactId,
          intent: turn.intentName,
          confidence: turn.confidence,
          model,
          startedMs,
          endedMs: Date.now(),
        },
        response,
      ),
    );
  }
  return response;
}

async function answerTurn(parsed: ParseResult, deps: Deps, budgetMs: number): Promise<LexResponse> {
  if (!parsed.ok) {
    logger.warn("invalid Lex event", { reason: parsed.reason });
    return elicitIntent(parsed.turn, `Sorry, something went wrong on my side. ${HELP}`);
  }
  const { turn } = parsed;
  if (parsed.warnings.length > 0) logger.warn("Lex event repaired", { warnings: parsed.warnings });
  if (!isHandled(turn.intentName))
    logger.warn("unknown intent routed to fallback", { intent: turn.intentName });
  try {
    return await withinBudget(route(turn, deps), budgetMs);
  } catch (error) {
    return failure(turn, deps, error);
  }
}
