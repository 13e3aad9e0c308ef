import type { Logger } from "@aws-lambda-powertools/logger";
import { ACCESS_AUDIT_UNWRITTEN, accessContext, type AccessAudit } from "../http_api/access-audit";
import { claim, isRouteEvent, json, notAnHttpEvent, problem, type HttpResult } from "../http_api/response";
import type { CustomerIdFormat } from "../shared/customer-id";
import type { AnswerOutcome, AnswerResult, AnswerStore } from "./answer-store";
import { parseAnswer } from "./request";

export interface CompanionApiDeps {
  readonly store: AnswerStore;
  /** Claim of the app's token holding the customer id (config api.companionApp.customerIdClaim). */
  readonly customerIdClaim: string;
  /** How that id is made canonical (config security.customerIdFormat), as lex_fallback stored it. */
  readonly customerIdFormat: CustomerIdFormat;
  /** Where every answer to a pending request is recorded. */
  readonly audit: AccessAudit;
  readonly logger: Pick<Logger, "info" | "warn" | "error">;
}

const REFUSED: Record<Exclude<AnswerOutcome, "recorded">, HttpResult> = {
  not_found: problem(404, "not_found", "no pending request with this id for your account"),
  already_answered: problem(409, "already_answered", "this request has already been answered"),
  expired: problem(410, "expired", "this request has expired; the caller can ask for a new one"),
};

/**
 * `POST /auth` from the companion app: approve or decline one pending request. Every answer of an
 * app user with a customer id is written to the access audit (app user, customer, contact, time,
 * outcome). The audit write follows the one conditional write that decides the answer: an audit
 * that fails cannot take back an approval the caller may already be acting on, so it is logged as
 * ACCESS_AUDIT_UNWRITTEN (counted and alarmed) and the app gets the true outcome. Logs the outcome
 * and the API request id, never the customer id or the token.
 */
export async function handleAnswer(event: unknown, deps: CompanionApiDeps): Promise<HttpResult> {
  if (!isRouteEvent(event)) return notAnHttpEvent();
  const apiRequestId = event.requestContext?.requestId;
  const parsed = parseAnswer(event, deps.customerIdClaim, deps.customerIdFormat);
  if ("refusal" in parsed) {
    deps.logger.warn("companion answer refused", { apiRequestId, status: parsed.refusal.statusCode });
    return parsed.refusal;
  }
  const { answer } = parsed;
  let result: AnswerResult | undefined;
  try {
    result = await deps.store.answer(answer);
  } catch (error) {
    deps.logger.error("companion answer not stored", {
      apiRequestId,
      error: error instanceof Error ? error.name : "unknown",
    });
  }
  const outcome = result?.outcome ?? "unavailable";
  try {
    await deps.audit.record({
      action: "companion_answer",
      customerId: answer.customerId,
      ...(result?.contactId !== undefined ? { contactId: result.contactId } : {}),
      result: outcome,
      detail: { answer: answer.action },
      // A token without a subject still names its customer; the audit says so rather than guess.
      ...accessContext(event, "app_user", claim(event, "sub") ?? "(no sub claim)"),
    });
  } catch (error) {
    deps.logger.error(ACCESS_AUDIT_UNWRITTEN, {
      event: ACCESS_AUDIT_UNWRITTEN,
      action: "companion_answer",
      result: outcome,
      apiRequestId,
      error: error instanceof Error ? error.name : "unknown",
    });
  }
  if (result === undefined) return problem(503, "unavailable", "the answer could not be recorded; try again");
  deps.logger.info("companion answer", { apiRequestId, action: answer.action, outcome });
  if (result.outcome === "recorded") return json(200, { requestId: answer.requestId, status: answer.action });
  return REFUSED[result.outcome];
}
