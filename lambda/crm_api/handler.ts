import type { Logger } from "@aws-lambda-powertools/logger";
import { CRM_CONTACT_ID_PARAM, CRM_CUSTOMER_ID_PARAM } from "../../ccp_site/src/crm-contract";
import { canonicalCustomerId, describeCustomerIdFormat, type CustomerIdFormat } from "../shared/customer-id";
import {
  ACCESS_AUDIT_UNWRITTEN,
  accessContext,
  type AccessAudit,
  type AccessRecord,
} from "../http_api/access-audit";
import {
  claim,
  isRouteEvent,
  json,
  listClaim,
  notAnHttpEvent,
  problem,
  type HttpResult,
  type JwtRouteEvent,
} from "../http_api/response";
import type { CustomerSource } from "./customer-source";

export interface CrmApiDeps {
  readonly customers: CustomerSource;
  /**
   * Group an agent's token must carry (config api.agents.requiredGroup, set in every environment),
   * in `groupsClaim`. Unset means misconfigured: every lookup is refused.
   */
  readonly requiredGroup: string | undefined;
  readonly groupsClaim: string;
  /** How a customer id is made canonical (config security.customerIdFormat). */
  readonly customerIdFormat: CustomerIdFormat;
  /** Where every lookup that names a customer is recorded, before any data is returned. */
  readonly audit: AccessAudit;
  readonly logger: Pick<Logger, "info" | "warn" | "error">;
}

/** Connect contact ids (UUIDs); anything else is not a contact the agent could be serving. */
const CONTACT_ID = /^[A-Za-z0-9-]{1,128}$/;

type Lookup = Pick<AccessRecord, "customerId" | "contactId" | "actor" | "apiRequestId" | "sourceIp">;

/**
 * `GET /customer?customerId=<id>&contactId=<contact>` for the agent desktop
 * (ccp_site/src/crm-contract.ts): 200 summary, 400 bad input, 401 no agent identity, 403 agent not
 * in the required group, 404 unknown, 502 bank failed, 503 the lookup could not be audited.
 * Every request that names a customer is written to the access audit (agent, customer, contact,
 * time, result) before anything is returned; a summary the audit could not record is withheld.
 * Logs outcomes and the API request id only: no customer id, name or product.
 */
export async function handleCustomer(event: unknown, deps: CrmApiDeps): Promise<HttpResult> {
  if (!isRouteEvent(event)) return notAnHttpEvent();
  const apiRequestId = event.requestContext?.requestId;
  // The authorizer has verified the token; one without a subject identifies no agent.
  const agent = claim(event, "sub");
  if (agent === undefined) {
    deps.logger.warn("crm lookup refused", { apiRequestId, status: 401 });
    return problem(401, "not_signed_in", "sign in as an agent to look up customers");
  }
  const query = event.queryStringParameters;
  const customerId = canonicalCustomerId(query?.[CRM_CUSTOMER_ID_PARAM], deps.customerIdFormat);
  if (customerId === undefined) {
    deps.logger.warn("crm lookup refused", { apiRequestId, status: 400 });
    return problem(
      400,
      "bad_request",
      `query parameter ${CRM_CUSTOMER_ID_PARAM} must be a customer id (${describeCustomerIdFormat(deps.customerIdFormat)})`,
    );
  }
  const contactId = query?.[CRM_CONTACT_ID_PARAM]?.trim() || undefined;
  if (contactId !== undefined && !CONTACT_ID.test(contactId)) {
    deps.logger.warn("crm lookup refused", { apiRequestId, status: 400 });
    return problem(400, "bad_request", `query parameter ${CRM_CONTACT_ID_PARAM} must be the contact's id`);
  }
  const lookup: Lookup = {
    customerId,
    ...(contactId !== undefined ? { contactId } : {}),
    ...accessContext(event, "agent", agent),
  };

  const refusal = groupRefusal(event, deps);
  if (refusal !== undefined) {
    await audited(deps, lookup, refusal.result);
    deps.logger.warn("crm lookup refused", { apiRequestId, status: 403 });
    return refusal.response;
  }

  let answer: { result: string; response: HttpResult };
  try {
    const summary = await deps.customers.summary(customerId);
    answer =
      summary === undefined
        ? { result: "not_found", response: problem(404, "not_found", "no customer with that id") }
        : { result: "found", response: json(200, summary) };
  } catch (error) {
    deps.logger.error("crm lookup failed", {
      apiRequestId,
      error: error instanceof Error ? `${error.name}: ${error.message}` : "unknown",
    });
    answer = {
      result: "bank_unavailable",
      response: problem(502, "unavailable", "the customer record could not be read; try again"),
    };
  }
  if (!(await audited(deps, lookup, answer.result))) {
    return problem(503, "unavailable", "the lookup could not be recorded, so nothing is shown; try again");
  }
  deps.logger.info("crm lookup", { apiRequestId, result: answer.result });
  return answer.response;
}

function groupRefusal(
  event: JwtRouteEvent,
  deps: CrmApiDeps,
): { result: string; response: HttpResult } | undefined {
  if (deps.requiredGroup === undefined) {
    return {
      result: "refused_no_group_configured",
      response: problem(403, "not_allowed", "customer lookup is switched off: no agent group is configured"),
    };
  }
  if (listClaim(event, deps.groupsClaim).includes(deps.requiredGroup)) return undefined;
  return {
    result: "refused_not_in_group",
    response: problem(403, "not_allowed", `customer lookup needs membership of ${deps.requiredGroup}`),
  };
}

/** Writes the record; false (and logged for the alarm) when it could not be stored. */
async function audited(deps: CrmApiDeps, lookup: Lookup, result: string): Promise<boolean> {
  try {
    await deps.audit.record({ action: "crm_lookup", ...lookup, result });
    return true;
  } catch (error) {
    deps.logger.error(ACCESS_AUDIT_UNWRITTEN, {
      event: ACCESS_AUDIT_UNWRITTEN,
      action: "crm_lookup",
      result,
      apiRequestId: lookup.apiRequestId,
      error: error instanceof Error ? error.name : "unknown",
    });
    return false;
  }
}
