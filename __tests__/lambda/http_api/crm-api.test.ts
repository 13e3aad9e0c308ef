import type { CustomerSummary } from "../../../ccp_site/src/crm-contract";
import { BankingCustomerSource, type CustomerSource } from "../../../lambda/crm_api/customer-source";
import { handleCustomer, type CrmApiDeps } from "../../../lambda/crm_api/handler";
import { jwtRouteEvent, recordingLogger } from "../support/http-events";

const SUMMARY: CustomerSummary = {
  customerId: "c-123",
  displayName: "Ms J. Doe",
  segment: "Premier",
  accounts: [{ kind: "Current account", last4: "1234", status: "active" }],
  cards: [{ kind: "Visa debit", last4: "9876", status: "blocked" }],
  flags: ["Fraud watch"],
};
const AGENT = { sub: "agent-7", "cognito:groups": "[agents supervisors]" };

function lookup(options: {
  claims?: Record<string, string>;
  query?: Record<string, string>;
  customers?: CustomerSource;
  requiredGroup?: string;
}) {
  const logger = recordingLogger();
  const asked: string[] = [];
  const deps: CrmApiDeps = {
    customers: options.customers ?? {
      summary: async (id) => (asked.push(id), id === "c-123" ? SUMMARY : undefined),
    },
    groupsClaim: "cognito:groups",
    logger,
    ...(options.requiredGroup ? { requiredGroup: options.requiredGroup } : {}),
  };
  const event = jwtRouteEvent({
    routeKey: "GET /customer",
    claims: options.claims,
    query: options.query ?? { customerId: "c-123" },
  });
  return handleCustomer(event, deps).then((r) => ({
    status: r.statusCode,
    body: JSON.parse(String(r.body)),
    headers: r.headers,
    asked,
    logs: JSON.stringify(logger.lines),
  }));
}

describe("GET /customer refuses callers who are not agents", () => {
  it("401 when the request carries no verified agent identity (no authorizer claims)", async () => {
    const result = await lookup({ claims: undefined });
    expect(result).toMatchObject({ status: 401, body: { error: "not_signed_in" }, asked: [] });
  });

  it("403 when the agent lacks the required group, and the bank is never asked", async () => {
    const result = await lookup({
      claims: { sub: "agent-7", "cognito:groups": "[agents]" },
      requiredGroup: "crm-readers",
    });
    expect(result).toMatchObject({ status: 403, body: { error: "not_allowed" }, asked: [] });
    const noGroups = await lookup({ claims: { sub: "agent-7" }, requiredGroup: "crm-readers" });
    expect(noGroups.status).toBe(403);
  });

  it("200 with the masked summary for an agent in the group", async () => {
    const result = await lookup({ claims: AGENT, requiredGroup: "supervisors" });
    expect(result).toMatchObject({ status: 200, body: SUMMARY, asked: ["c-123"] });
    expect(result.headers).toMatchObject({ "cache-control": "no-store" });
  });

  it("400 for a missing or malformed customer id, 404 for an unknown one", async () => {
    expect((await lookup({ claims: AGENT, query: {} })).status).toBe(400);
    expect((await lookup({ claims: AGENT, query: { customerId: "../admin" } })).asked).toStrictEqual([]);
    expect((await lookup({ claims: AGENT, query: { customerId: "c-404" } })).status).toBe(404);
  });

  it("logs no customer id or name", async () => {
    const { logs } = await lookup({ claims: AGENT });
    expect(logs).toContain("crm lookup");
    expect(logs).not.toMatch(/c-123|Doe/);
  });
});

describe("the banking API adapter holds the bank to the page's contract", () => {
  const source = (status: number, body: unknown) => {
    const calls: { url: string; key: string | null }[] = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      calls.push({ url, key: new Headers(init.headers).get("x-api-key") });
      return new Response(JSON.stringify(body), { status });
    }) as unknown as typeof fetch;
    return {
      calls,
      source: new BankingCustomerSource("https://bank.test/v1", async () => "k-1", 1000, fetchFn),
    };
  };

  it("reads /customers/{id}/summary with the key from the secret", async () => {
    const { calls, source: s } = source(200, SUMMARY);
    await expect(s.summary("c-123")).resolves.toStrictEqual(SUMMARY);
    expect(calls).toStrictEqual([{ url: "https://bank.test/v1/customers/c-123/summary", key: "k-1" }]);
  });

  it("refuses an answer with a full card number, so the handler sends 502 and no number", async () => {
    const leaky = { ...SUMMARY, cards: [{ kind: "Visa", last4: "4111111111111111", status: "active" }] };
    const result = await lookup({ claims: AGENT, customers: source(200, leaky).source });
    expect(result.status).toBe(502);
    expect(JSON.stringify(result.body)).not.toContain("4111");
  });

  it("refuses a summary of another customer, and maps 404 to not found", async () => {
    await expect(source(200, { ...SUMMARY, customerId: "c-999" }).source.summary("c-123")).rejects.toThrow(
      /another customer/,
    );
    await expect(source(404, {}).source.summary("c-123")).resolves.toBeUndefined();
    await expect(source(503, {}).source.summary("c-123")).rejects.toThrow(/503/);
  });
});
