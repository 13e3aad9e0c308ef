import {
  CRM_CONTACT_ID_PARAM,
  CRM_CUSTOMER_ID_PARAM,
  CRM_CUSTOMER_PATH,
  customerSummarySchema,
  type CustomerSummary,
} from "./crm-contract";
import type { CrmSettings } from "./settings";

/** Every state the customer panel can show. */
export type CustomerLookup =
  | { readonly state: "idle" }
  | { readonly state: "not-configured" }
  | { readonly state: "no-customer-id" }
  | { readonly state: "loading"; readonly customerId: string }
  | { readonly state: "signed-out" }
  | { readonly state: "not-authorized" }
  | { readonly state: "not-found"; readonly customerId: string }
  | { readonly state: "unavailable"; readonly reason: string }
  | { readonly state: "found"; readonly customer: CustomerSummary };

export interface LookupDeps {
  readonly fetch: typeof fetch;
  /** The agent's bearer token, or undefined when they have not signed in to the identity provider. */
  readonly token: () => string | undefined;
  /** Give up after this long: an agent on a call cannot wait for a hung API. */
  readonly timeoutMs: number;
}

/** A lookup that can go ahead: the API is configured, the contact has an id, the agent a token. */
export interface LookupRequest {
  readonly apiUrl: string;
  readonly customerId: string;
  readonly token: string;
  /** The contact the agent is serving; the API records it with the lookup. */
  readonly contactId?: string;
}

/** Either the state to show without calling the API, or the request to make. */
export function prepareLookup(
  crm: CrmSettings | undefined,
  customerId: string | undefined,
  token: string | undefined,
  contactId?: string,
): { readonly blocked: CustomerLookup } | { readonly request: LookupRequest } {
  if (crm === undefined) return { blocked: { state: "not-configured" } };
  const id = customerId?.trim();
  if (!id) return { blocked: { state: "no-customer-id" } };
  if (!token) return { blocked: { state: "signed-out" } };
  return { request: { apiUrl: crm.apiUrl, customerId: id, token, ...(contactId ? { contactId } : {}) } };
}

/** Ask the CRM API for one customer's masked summary; never throws, every failure is a state. */
export async function lookupCustomer(
  { apiUrl, customerId, token, contactId }: LookupRequest,
  deps: Pick<LookupDeps, "fetch" | "timeoutMs">,
): Promise<CustomerLookup> {
  const query = new URLSearchParams({
    [CRM_CUSTOMER_ID_PARAM]: customerId,
    ...(contactId ? { [CRM_CONTACT_ID_PARAM]: contactId } : {}),
  });
  const url = `${apiUrl}${CRM_CUSTOMER_PATH}?${query}`;
  let response: Response;
  try {
    response = await deps.fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      // The token goes in the header only; no cookies to another origin.
      credentials: "omit",
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return { state: "unavailable", reason: timedOut ? "no answer in time" : "cannot reach the service" };
  }
  if (response.status === 401 || response.status === 403) return { state: "not-authorized" };
  if (response.status === 404) return { state: "not-found", customerId };
  if (!response.ok) return { state: "unavailable", reason: `the service answered ${response.status}` };

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { state: "unavailable", reason: "the service sent an unreadable answer" };
  }
  const parsed = customerSummarySchema.safeParse(body);
  if (!parsed.success) return { state: "unavailable", reason: "the service sent an unexpected answer" };
  return { state: "found", customer: parsed.data };
}
