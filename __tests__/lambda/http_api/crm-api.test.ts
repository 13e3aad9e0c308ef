import type { CustomerSummary } from "../../../ccp_site/src/crm-contract";
import { BankingCustomerSource, type CustomerSource } from "../../../lambda/crm_api/customer-source";
import { handleCustomer, type CrmApiDeps } from "../../../lambda/crm_api/handler";
import { canonicalCustomerId, DEFAULT_CUSTOMER_ID_FORMAT } from "../../../lambda/shared/customer-id";
import { UnsafePathSegmentError } from "../../../lambda/shared/path-segment";
import { jwtRouteEvent, recordingAudit, recordingLogger } from "../support/http-events";

const SUMMARY: CustomerSummary = {
  customerId: "12345",
  displayName: "Ms J. Doe",
  segment: "Premier",
  accounts: [{ kind: "Current account", last4: "1234", status: "active" }],
  cards: [{ kind: "Visa debit", last4: "9876", status: "blocked" }],
  flags: ["Fraud watch"],
};
const GROUP = "contact-centre-agents";
const AGENT = {
  sub: "agent-7",
  iss: "https://sso.bank.example/oauth2/agents",
  "cognito:groups": `[${GROUP} supervisors]`,
};
const CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";

function lookup(
  options: {
    claims?: Record<string, string>;
    query?: Record<string, string>;
    customers?: CustomerSource;
    requiredGroup?: string | null;
    auditFails?: boolean;
  } = {},
) {
  const logger = recordingLogger();
  const audit = recordingAudit({ failing: options.auditFails });
  const asked: string[] = [];
  const deps: CrmApiDeps = {
    customers: options.customers ?? {
      summary: async (id) => (asked.push(id), id === "12345" ? SUMMARY : undefined),
    },
    requiredGroup: options.requiredGroup === null ? undefined : (options.requiredGroup ?? GROUP),
    groupsClaim: "cognito:groups",
    customerIdFormat: DEFAULT_CUSTOMER_ID_FORMAT,
    audit,
    logger,
  };
  const event = jwtRouteEvent({
    routeKey: "GET /customer",
    claims: "claims" in options ? options.claims : AGENT,
    query: options.query ?? { customerId: "12345", contactId: CONTACT },
  });
  return handleCustomer(event, deps).then((r) => ({
    status: r.statusCode,
    body: JSON.parse(String(r.body)),
    headers: r.headers,
    asked,
    audited: audit.records,
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

  it("403 for every agent when no group is configured: a valid agent token alone reads nobody", async () => {
    const result = await lookup({ requiredGroup: null });
    expect(result).toMatchObject({ status: 403, body: { error: "not_allowed" }, asked: [] });
    expect(result.audited).toMatchObject([{ result: "refused_no_group_configured" }]);
  });

  it("200 with the masked summary for an agent in the group", async () => {
    const result = await lookup();
    expect(result).toMatchObject({ status: 200, body: SUMMARY, asked: ["12345"] });
    expect(result.headers).toMatchObject({ "cache-control": "no-store" });
  });

  it("400 for a missing or malformed customer id, 404 for an unknown one", async () => {
    expect((await lookup({ query: {} })).status).toBe(400);
    expect((await lookup({ query: { customerId: "../admin" } })).asked).toStrictEqual([]);
    expect((await lookup({ query: { customerId: "404" } })).status).toBe(404);
    expect((await lookup({ query: { customerId: "12345", contactId: "a/../b" } })).status).toBe(400);
  });

  it.each([".", "..", " .. ", "%2e%2e", "12345/../1"])(
    "refuses the id %j before any URL is built",
    async (customerId) => {
      const result = await lookup({ query: { customerId } });
      expect(result).toMatchObject({ status: 400, asked: [], audited: [] });
      expect(result.body.message).toContain("1-16 characters from [0-9]");
    },
  );

  it("asks the bank for the canonical id: 0012345 is customer 12345", async () => {
    const result = await lookup({ query: { customerId: " 0012345" } });
    expect(result).toMatchObject({ status: 200, asked: ["12345"] });
  });

  it("logs no customer id or name", async () => {
    const { logs } = await lookup();
    expect(logs).toContain("crm lookup");
    expect(logs).not.toMatch(/12345|Doe/);
  });

  it.each([null, undefined, "GET /customer", 42, [], [{ routeKey: "GET /customer" }]])(
    "answers %j with the API's 400 error shape instead of throwing",
    async (event) => {
      const result = await handleCustomer(event, {} as CrmApiDeps);
      expect(result.statusCode).toBe(400);
      expect(JSON.parse(String(result.body))).toMatchObject({ error: "bad_request" });
    },
  );
});

describe("every lookup that names a customer is audited before anything is returned", () => {
  it("records the agent, customer, contact, result and request, from the verified token", async () => {
    const { audited } = await lookup();
    expect(audited).toStrictEqual([
      {
        action: "crm_lookup",
        actor: { kind: "agent", subject: "agent-7", issuer: AGENT.iss },
        customerId: "12345",
        contactId: CONTACT,
        result: "found",
        apiRequestId: "Q1w2E3r4T5y6=",
        sourceIp: "192.0.2.10",
      },
    ]);
  });

  it("records refusals, unknown customers and bank failures too", async () => {
    const refused = await lookup({ claims: { sub: "agent-9", "cognito:groups": "[trainees]" } });
    const unknown = await lookup({ query: { customerId: "0404" } });
    const failing = await lookup({
      customers: {
        summary: async () => {
          throw new Error("bank down");
        },
      },
    });
    expect([...refused.audited, ...unknown.audited, ...failing.audited].map((r) => r.result)).toStrictEqual([
      "refused_not_in_group",
      "not_found",
      "bank_unavailable",
    ]);
    expect(unknown.audited[0]).toMatchObject({ customerId: "404" });
    expect(refused.audited[0]).toMatchObject({ actor: { subject: "agent-9" }, contactId: CONTACT });
  });

  it("withholds the summary (503) when the audit cannot record the lookup, and logs it for the alarm", async () => {
    const result = await lookup({ auditFails: true });
    expect(result.status).toBe(503);
    expect(JSON.stringify(result.body)).not.toMatch(/Doe|1234|12345/);
    expect(result.logs).toContain("ACCESS_AUDIT_UNWRITTEN");
    expect(result.logs).not.toMatch(/12345|Doe/);
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
      source: new BankingCustomerSource(
        "https://bank.test/v1",
        async () => "k-1",
        1000,
        fetchFn,
        (id) => canonicalCustomerId(id, DEFAULT_CUSTOMER_ID_FORMAT),
      ),
    };
  };

  it("reads /customers/{id}/summary with the key from the secret", async () => {
    const { calls, source: s } = source(200, SUMMARY);
    await expect(s.summary("12345")).resolves.toStrictEqual(SUMMARY);
    expect(calls).toStrictEqual([{ url: "https://bank.test/v1/customers/12345/summary", key: "k-1" }]);
  });

  it("never sends the key to another path: a dot-segment id is refused before any request", async () => {
    for (const id of ["..", "."]) {
      const { calls, source: s } = source(200, SUMMARY);
      await expect(s.summary(id)).rejects.toThrow(UnsafePathSegmentError);
      expect(calls).toStrictEqual([]);
    }
  });

  it("accepts the bank's own spelling of the same customer (012345 for 12345)", async () => {
    await expect(
      source(200, { ...SUMMARY, customerId: "012345" }).source.summary("12345"),
    ).resolves.toMatchObject({ displayName: "Ms J. Doe" });
  });

  it("refuses an answer with a full card number, so the handler sends 502 and no number", async () => {
    const leaky = { ...SUMMARY, cards: [{ kind: "Visa", last4: "4111111111111111", status: "active" }] };
    const result = await lookup({ customers: source(200, leaky).source });
    expect(result.status).toBe(502);
    expect(JSON.stringify(result.body)).not.toContain("4111");
  });

  it("refuses a summary of another customer, and maps 404 to not found", async () => {
    await expect(source(200, { ...SUMMARY, customerId: "99999" }).source.summary("12345")).rejects.toThrow(
      /another customer/,
    );
    await expect(source(404, {}).source.summary("12345")).resolves.toBeUndefined();
    await expect(source(503, {}).source.summary("12345")).rejects.toThrow(/503/);
  });
});
