import type { Logger } from "@aws-lambda-powertools/logger";
import { json, problem, type HttpResult, type JwtRouteEvent } from "../http_api/response";
import type { AnswerOutcome, AnswerStore } from "./answer-store";
import { parseAnswer } from "./request";

export interface CompanionApiDeps {
  readonly store: AnswerStore;
  /** Claim of the app's token holding the customer id (config api.companionApp.customerIdClaim). */
  readonly customerIdClaim: string;
  readonly logger: Pick<Logger, "info" | "warn" | "error">;
}

const REFUSED: Record<Exclude<AnswerOutcome, "recorded">, HttpResult> = {
  not_found: problem(404, "not_found", "no pending request with this id for your account"),
  already_answered: problem(409, "already_answered", "this request has already been answered"),
  expired: problem(410, "expired", "this request has expired; the caller can ask for a new one"),
};

/**
 * `POST /auth` from the companion app: approve or decline one pending request. Logs the outcome
 * and the API request id, never the customer id or the token.
 */
export async function handleAnswer(event: JwtRouteEvent, deps: CompanionApiDeps): Promise<HttpResult> {
  const apiRequestId = event.requestContext?.requestId;
  const parsed = parseAnswer(event, deps.customerIdClaim);
  if ("refusal" in parsed) {
    deps.logger.warn("companion answer refused", { apiRequestId, status: parsed.refusal.statusCode });
    return parsed.refusal;
  }
  const { answer } = parsed;
  let outcome: AnswerOutcome;
  try {
    outcome = await deps.store.answer(answer);
  } catch (error) {
    deps.logger.error("companion answer not stored", {
      apiRequestId,
      error: error instanceof Error ? error.name : "unknown",
    });
    return problem(503, "unavailable", "the answer could not be recorded; try again");
  }
  deps.logger.info("companion answer", { apiRequestId, action: answer.action, outcome });
  if (outcome === "recorded") return json(200, { requestId: answer.requestId, status: answer.action });
  return REFUSED[outcome];
}
