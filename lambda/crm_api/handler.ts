import type { Logger } from "@aws-lambda-powertools/logger";
import { CRM_CUSTOMER_ID_PARAM } from "../../ccp_site/src/crm-contract";
import { claim, json, listClaim, problem, type HttpResult, type JwtRouteEvent } from "../http_api/response";
import type { CustomerSource } from "./customer-source";

export interface CrmApiDeps {
  readonly customers: CustomerSource;
  /**
   * Group an agent's token must carry (config api.agents.requiredGroup), in `groupsClaim`.
   * @default undefined - any token the agents' authorizer accepts
   */
  readonly requiredGroup?: string;
  readonly groupsClaim: string;
  readonly logger: Pick<Logger, "info" | "warn" | "error">;
}

/** Customer ids as the bank issues them; anything else is refused before it reaches a URL. */
const CUSTOMER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `GET /customer?customerId=<id>` for the agent desktop (ccp_site/src/crm-contract.ts):
 * 200 summary, 400 bad id, 401 no agent identity, 403 agent not in the required group, 404 unknown.
 * Logs outcomes and the API request id only: no customer id, name or product.
 */
export async function handleCustomer(event: JwtRouteEvent, deps: CrmApiDeps): Promise<HttpResult> {
  const apiRequestId = event.requestContext?.requestId;
  // The authorizer has verified the token; one without a subject identifies no agent.
  if (claim(event, "sub") === undefined) {
    deps.logger.warn("crm lookup refused", { apiRequestId, status: 401 });
    return problem(401, "not_signed_in", "sign in as an agent to look up customers");
  }
  if (deps.requiredGroup !== undefined && !listClaim(event, deps.groupsClaim).includes(deps.requiredGroup)) {
    deps.logger.warn("crm lookup refused", { apiRequestId, status: 403 });
    return problem(403, "not_allowed", `customer lookup needs membership of ${deps.requiredGroup}`);
  }
  const customerId = event.queryStringParameters?.[CRM_CUSTOMER_ID_PARAM]?.trim();
  if (customerId === undefined || !CUSTOMER_ID.test(customerId)) {
    return problem(
      400,
      "bad_request",
      `query parameter ${CRM_CUSTOMER_ID_PARAM} must be a customer id (1-64 letters, digits, . _ -)`,
    );
  }
  try {
    const summary = await deps.customers.summary(customerId);
    deps.logger.info("crm lookup", { apiRequestId, found: summary !== undefined });
    return summary === undefined ? problem(404, "not_found", "no customer with that id") : json(200, summary);
  } catch (error) {
    deps.logger.error("crm lookup failed", {
      apiRequestId,
      error: error instanceof Error ? `${error.name}: ${error.message}` : "unknown",
    });
    return problem(502, "unavailable", "the customer record could not be read; try again");
  }
}
