import { customerSummarySchema, type CustomerSummary } from "../../ccp_site/src/crm-contract";
import { pathSegment } from "../shared/path-segment";

/** Where the summary comes from: the core-banking API. */
export interface CustomerSource {
  /** The customer's masked summary, or undefined when the bank knows no such customer. */
  summary(customerId: string): Promise<CustomerSummary | undefined>;
}

/** The bank answered, but not with something the contract allows; never passed on to an agent. */
export class UpstreamError extends Error {
  public override readonly name = "UpstreamError";
}

/**
 * `GET {bankingApiUrl}/customers/{id}/summary` with the banking API key (Secrets Manager, cached
 * by the caller). The id is one encoded path segment and never a dot-segment, so the key goes to
 * no other path of the bank (`..` once made that `GET {bankingApiUrl}/summary`). The answer must
 * match the CCP page's contract (masked fields only) and be about the customer asked for, by its
 * canonical id; anything else is an UpstreamError, so no full number reaches the page.
 */
export class BankingCustomerSource implements CustomerSource {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: () => Promise<string>,
    private readonly timeoutMs: number,
    private readonly fetchFn: typeof fetch = fetch,
    /** The bank's id in canonical form, to compare with the one asked for. @default the id as sent */
    private readonly canonical: (id: string) => string | undefined = (id) => id,
  ) {}

  async summary(customerId: string): Promise<CustomerSummary | undefined> {
    const segment = pathSegment(customerId);
    const key = await this.apiKey();
    const response = await this.fetchFn(`${this.baseUrl}/customers/${segment}/summary`, {
      headers: { accept: "application/json", "x-api-key": key },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new UpstreamError(`banking API answered ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new UpstreamError("banking API sent a body that is not JSON");
    }
    const parsed = customerSummarySchema.safeParse(body);
    if (!parsed.success) throw new UpstreamError("banking API summary does not match the CRM contract");
    if (this.canonical(parsed.data.customerId) !== customerId)
      throw new UpstreamError("banking API answered for another customer");
    return parsed.data;
  }
}
