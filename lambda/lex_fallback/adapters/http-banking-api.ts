import * as z from "zod/mini";
import { pathSegment } from "../../shared/path-segment";
import type { AccountType, BankingApi, MoneyMovement } from "../ports";
import { DependencyError } from "../shared/errors";
import { forOperation, type RemoteCall } from "../shared/resilience";

const last4 = z.string().check(z.regex(/^\d{4}$/));
/** ISO 4217, as Intl.NumberFormat reads it out; anything else is refused here, not mid-sentence. */
const currency = z.string().check(z.regex(/^[A-Z]{3}$/));
const balance = z.object({
  available: z.number(),
  current: z.number(),
  currency,
  accountLast4: last4,
});
/** The account's currency, unless a transaction names its own. */
const transactions = z.object({
  currency: z.optional(currency),
  transactions: z.array(
    z.object({
      date: z.string(),
      description: z.string(),
      amount: z.number(),
      currency: z.optional(currency),
    }),
  ),
});
const details = z.object({ sortCode: z.string(), accountLast4: last4 });
const reference = z.object({ reference: z.string() });
const activation = z.object({ result: z.enum(["activated", "not_found", "already_active"]) });
const blocked = z.object({ blocked: z.int().check(z.nonnegative()) });
const dispute = z.object({ caseId: z.string() });
const loan = z.object({
  outstanding: z.number(),
  nextPaymentAmount: z.number(),
  nextPaymentDate: z.string(),
  currency,
});
const pin = z.object({ valid: z.boolean() });
const branch = z.object({ name: z.string(), address: z.string(), hours: z.string() });

/**
 * The kind of bank call, which has a breaker of its own (the last path segment: `balance`,
 * `payments`, `verify`, ...; every loan type is `loans`), so one failing endpoint does not stop the
 * others: a broken balance service must not stop PIN checks or payments.
 */
function operationOf(path: string): string {
  const segments = path.split("?")[0]!.split("/");
  return segments.includes("loans") ? "loans" : segments.at(-1)!;
}

/**
 * The core-banking HTTP API. The API key comes from Secrets Manager (cached), never from env.
 * 4xx is permanent (404 means "none" where the port allows it), 429/5xx and network faults retry.
 */
export class HttpBankingApi implements BankingApi {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: () => Promise<string>,
    private readonly call: RemoteCall,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  private async request<T>(
    method: "GET" | "POST",
    path: string,
    schema: z.ZodMiniType<T>,
    body?: object,
    idempotencyKey?: string,
  ): Promise<T | undefined> {
    const key = await this.apiKey();
    const call = forOperation(this.call, operationOf(path));
    return call(async (signal) => {
      const response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        signal,
        headers: {
          "content-type": "application/json",
          "x-api-key": key,
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (response.status === 404) return undefined;
      if (!response.ok) {
        const retryable = response.status === 429 || response.status >= 500;
        throw new DependencyError(
          "banking-api",
          `${method} ${path.split("/")[1] ?? ""} returned ${response.status}`,
          retryable,
        );
      }
      const parsed = schema.safeParse(await response.json());
      if (!parsed.success) throw new DependencyError("banking-api", "unexpected response shape", false);
      return parsed.data;
    });
  }

  private async required<T>(
    method: "GET" | "POST",
    path: string,
    schema: z.ZodMiniType<T>,
    body?: object,
    idempotencyKey?: string,
  ): Promise<T> {
    const out = await this.request(method, path, schema, body, idempotencyKey);
    if (out === undefined) throw new DependencyError("banking-api", "not found", false);
    return out;
  }

  /** Ids are canonical by now; pathSegment still refuses a dot-segment that would leave /customers/{id}. */
  private customer(customerId: string): string {
    return `/customers/${pathSegment(customerId)}`;
  }

  getBalance(customerId: string, account: AccountType) {
    return this.required("GET", `${this.customer(customerId)}/accounts/${account}/balance`, balance);
  }
  async getTransactions(customerId: string, account: AccountType, days: number) {
    const out = await this.required(
      "GET",
      `${this.customer(customerId)}/accounts/${account}/transactions?days=${days}&limit=5`,
      transactions,
    );
    return out.transactions.map(({ currency: own, ...transaction }) => {
      const currency = own ?? out.currency;
      // Reading an amount in the wrong currency is worse than handing the caller over.
      if (currency === undefined)
        throw new DependencyError("banking-api", "transaction without a currency", false);
      return { ...transaction, currency };
    });
  }
  getAccountDetails(customerId: string, account: AccountType) {
    return this.required("GET", `${this.customer(customerId)}/accounts/${account}/details`, details);
  }
  requestStatement(customerId: string, account: AccountType, delivery: "email" | "post") {
    return this.required("POST", `${this.customer(customerId)}/accounts/${account}/statements`, reference, {
      delivery,
    });
  }
  async activateCard(customerId: string, cardLast4: string) {
    return (
      await this.required("POST", `${this.customer(customerId)}/cards/activate`, activation, { cardLast4 })
    ).result;
  }
  blockCards(customerId: string, cardType: string) {
    return this.required("POST", `${this.customer(customerId)}/cards/block`, blocked, {
      cardType,
      reason: "lost_stolen",
    });
  }
  createDispute(customerId: string, amount: number, date: string) {
    return this.required("POST", `${this.customer(customerId)}/disputes`, dispute, {
      amount,
      date,
      channel: "contact-centre-bot",
    });
  }
  moveMoney(customerId: string, movement: MoneyMovement) {
    const { idempotencyKey, ...body } = movement;
    return this.required("POST", `${this.customer(customerId)}/payments`, reference, body, idempotencyKey);
  }
  getLoan(customerId: string, loanType: string) {
    return this.request(
      "GET",
      `${this.customer(customerId)}/loans/${pathSegment(loanType.toLowerCase())}`,
      loan,
    );
  }
  async verifyPin(customerId: string, value: string) {
    return (await this.required("POST", `${this.customer(customerId)}/pin/verify`, pin, { pin: value }))
      .valid;
  }
  findBranch(postcode: string) {
    return this.request("GET", `/branches/nearest?postcode=${encodeURIComponent(postcode)}`, branch);
  }
}
