import type { Deps } from "../handlers/types";
import { withinBudget } from "../shared/budget";
import { BudgetExceededError } from "../shared/errors";
import { logger } from "../shared/logger";
import { failedCall } from "../shared/resilience";
import { parseContactCall } from "./event";
import { OPERATIONS, isOperation } from "./operations/registry";
import { flowError, type FlowResponse } from "./response";

/**
 * One InvokeLambdaFunction call from a contact flow: validate, dispatch on `operation`, run inside
 * the time budget. Never throws: Connect would retry a failed call (writing twice) before taking
 * the block's Error branch, so every failure is a `status = Error` answer the flow can branch on.
 * Parameters are never logged: `verify_pin` carries the PIN in them.
 */
export async function handleContactFlow(
  raw: unknown,
  deps: Deps,
  budgetMs = deps.config.turnBudgetMs,
): Promise<FlowResponse> {
  const parsed = parseContactCall(raw, deps.config.customerIdFormat);
  if (!parsed.ok) {
    logger.warn("invalid contact flow event", { reason: parsed.reason });
    return flowError(parsed.reason);
  }
  const { call } = parsed;
  if (parsed.customerIdRejected)
    logger.warn("customerId contact attribute is not a customer id: ignored", { contactId: call.contactId });
  if (!isOperation(call.operation)) {
    // Only a plain name is echoed: a miswired block could have put the keyed digits here.
    logger.warn("unknown contact flow operation", {
      contactId: call.contactId,
      operation: /^[A-Za-z_]{1,64}$/.test(call.operation) ? call.operation : "[not a name]",
    });
    return flowError("unknown_operation");
  }
  try {
    return await withinBudget(OPERATIONS[call.operation](call, deps), budgetMs);
  } catch (error) {
    // The dependency that was unavailable (retries used up, or its breaker open), as the Lex path
    // names it in its hand-over reason: one of the fixed adapter names (banking, dynamo, sns, ...),
    // so it can go back to the flow and into the contact's attributes. Other failures stay unnamed.
    const failed = failedCall(error);
    logger.error("contact flow operation failed", {
      contactId: call.contactId,
      operation: call.operation,
      ...(failed ? { unavailable: failed } : {}),
      error,
    });
    if (error instanceof BudgetExceededError) return flowError("timeout");
    return flowError("dependency_failure", failed ? { dependency: failed.dependency } : {});
  }
}
