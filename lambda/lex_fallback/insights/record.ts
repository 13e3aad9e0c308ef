import { randomUUID } from "node:crypto";
import { OUTPUT_ATTRIBUTES } from "../contract";
import type { LexResponse } from "../lex/response";
import type { Llm } from "../ports";
import { GuardrailInterventionError } from "../shared/errors";

/**
 * What the guardrail did on this turn: NONE (the answer passed it), INTERVENED (it blocked the
 * question or the answer), NOT_APPLIED (no model answer was checked: the model was not asked,
 * failed, or no guardrail is configured).
 */
export type GuardrailAction = "NONE" | "INTERVENED" | "NOT_APPLIED";

/**
 * One code-hook turn as the AI reporting stream carries it to the `ai_insights` Glue table (the
 * column names and types are the table's, constructs/datalake/glue-tables.ts; a test holds them
 * equal). Ids, labels, numbers and flags only: never the transcript, the answer, slots or a customer id.
 */
export interface AiInsightRecord {
  /** Unique per turn: delivery is at least once, so readers drop repeats by this id. */
  readonly record_id: string;
  /** When the turn ended, ISO 8601 UTC. */
  readonly timestamp: string;
  /** The Connect contact (or, with no flow in front, the Lex session). */
  readonly contact_id: string;
  /** The intent Lex recognised. */
  readonly intent: string;
  /** Lex's NLU confidence for it; null when Lex sent none. */
  readonly confidence: number | null;
  /** Whether the turn asked Bedrock (Converse), whatever came back. */
  readonly bedrock_used: boolean;
  readonly guardrail_action: GuardrailAction;
  /** The reply transfers the contact to a person. */
  readonly handover: boolean;
  /** Machine-readable transfer reason (e.g. RepeatedNoMatch); null without a handover. */
  readonly handover_reason: string | null;
  /** Time from receiving the event to the reply, in whole ms. */
  readonly latency_ms: number;
}

/** What the turn's model calls did, observed at the port so no handler has to report it. */
export interface ModelUse {
  readonly llm: Llm;
  readonly used: () => boolean;
  readonly guardrailAction: () => GuardrailAction;
}

/** Wraps the Llm port for one turn; the answers and errors pass through unchanged. */
export function observeModel(llm: Llm, guardrailConfigured: boolean): ModelUse {
  let used = false;
  let action: GuardrailAction = "NOT_APPLIED";
  return {
    llm: {
      answer: async (question, localeId) => {
        used = true;
        try {
          const answer = await llm.answer(question, localeId);
          action = guardrailConfigured ? "NONE" : "NOT_APPLIED";
          return answer;
        } catch (error) {
          action = error instanceof GuardrailInterventionError ? "INTERVENED" : "NOT_APPLIED";
          throw error;
        }
      },
    },
    used: () => used,
    guardrailAction: () => action,
  };
}

export interface TurnFacts {
  readonly contactId: string;
  readonly intent: string;
  readonly confidence: number | undefined;
  readonly model: ModelUse;
  readonly startedMs: number;
  readonly endedMs: number;
}

export function insightRecord(facts: TurnFacts, response: LexResponse): AiInsightRecord {
  const attributes = response.sessionState.sessionAttributes;
  const handover = attributes[OUTPUT_ATTRIBUTES.escalate] === "true";
  return {
    record_id: randomUUID(),
    timestamp: new Date(facts.endedMs).toISOString(),
    contact_id: facts.contactId,
    intent: facts.intent,
    confidence: facts.confidence ?? null,
    bedrock_used: facts.model.used(),
    guardrail_action: facts.model.guardrailAction(),
    handover,
    handover_reason: handover ? (attributes[OUTPUT_ATTRIBUTES.transferReason] ?? null) : null,
    latency_ms: Math.max(0, Math.round(facts.endedMs - facts.startedMs)),
  };
}
