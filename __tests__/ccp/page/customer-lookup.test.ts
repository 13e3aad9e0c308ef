import { customerSummarySchema } from "../../../ccp_site/src/crm-contract";
import { lookupCustomer, prepareLookup, type LookupRequest } from "../../../ccp_site/src/customer-lookup";
import { customerMessage } from "../../../ccp_site/src/view";
import { CUSTOMER } from "./fixtures";

const REQUEST: LookupRequest = {
  apiUrl: "https://crm.example.com/v1",
  customerId: "C 100&x=1",
  token: "t0k",
};

function answering(
  status: number,
  body: unknown,
): { fetch: typeof fetch; calls: Array<[string, RequestInit]> } {
  const calls: Array<[string, RequestInit]> = [];
  const fetchDouble = (async (url: string, init: RequestInit) => {
    calls.push([url, init]);
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { fetch: fetchDouble, calls };
}

describe("prepareLookup", () => {
  const crm = { apiUrl: "https://crm.example.com", tokenStorageKey: "k" };

  it("says why no lookup is made: not configured, no customer id, agent not signed in", () => {
    expect(prepareLookup(undefined, "C-1", "t")).toEqual({ blocked: { state: "not-configured" } });
    expect(prepareLookup(crm, undefined, "t")).toEqual({ blocked: { state: "no-customer-id" } });
    expect(prepareLookup(crm, "  ", "t")).toEqual({ blocked: { state: "no-customer-id" } });
    expect(prepareLookup(crm, "C-1", undefined)).toEqual({ blocked: { state: "signed-out" } });
  });

  it("goes ahead with a trimmed id when everything is there", () => {
    expect(prepareLookup(crm, " C-1 ", "t")).toEqual({
      request: { apiUrl: "https://crm.example.com", customerId: "C-1", token: "t" },
    });
  });
});

describe("lookupCustomer", () => {
  it("sends the agent's bearer token, no cookies, and the id as an encoded query parameter", async () => {
    const { fetch, calls } = answering(200, CUSTOMER);
    await expect(lookupCustomer(REQUEST, { fetch, timeoutMs: 1000 })).resolves.toEqual({
      state: "found",
      customer: CUSTOMER,
    });
    const [url, init] = calls[0]!;
    expect(url).toBe("https://crm.example.com/v1/customer?customerId=C+100%26x%3D1");
    expect(init.headers).toMatchObject({ Authorization: "Bearer t0k" });
    expect(init.credentials).toBe("omit");
  });

  it("names the contact the agent is serving, for the API's access audit", async () => {
    const { fetch, calls } = answering(200, CUSTOMER);
    const prepared = prepareLookup(
      { apiUrl: "https://crm.example.com", tokenStorageKey: "k" },
      "12345",
      "t",
      "c-7",
    );
    if (!("request" in prepared)) throw new Error("expected a request");
    await lookupCustomer(prepared.request, { fetch, timeoutMs: 1000 });
    expect(calls[0]![0]).toBe("https://crm.example.com/customer?customerId=12345&contactId=c-7");
  });

  it.each([
    [401, { state: "not-authorized" }],
    [403, { state: "not-authorized" }],
    [404, { state: "not-found", customerId: "C 100&x=1" }],
    [503, { state: "unavailable", reason: "the service answered 503" }],
  ])("turns HTTP %i into a panel state", async (status, expected) => {
    const { fetch } = answering(status, { message: "x" });
    await expect(lookupCustomer(REQUEST, { fetch, timeoutMs: 1000 })).resolves.toEqual(expected);
  });

  it("refuses an answer carrying a full card number instead of the last four digits", async () => {
    const leaky = {
      ...CUSTOMER,
      cards: [{ kind: "Visa debit", last4: "4111111111111111", status: "active" }],
    };
    const { fetch } = answering(200, leaky);
    await expect(lookupCustomer(REQUEST, { fetch, timeoutMs: 1000 })).resolves.toEqual({
      state: "unavailable",
      reason: "the service sent an unexpected answer",
    });
    expect(customerSummarySchema.safeParse(leaky).success).toBe(false);
  });

  it("reports an unreadable body, an unreachable service and a timeout as unavailable", async () => {
    await expect(
      lookupCustomer(REQUEST, { fetch: answering(200, "<html>").fetch, timeoutMs: 1000 }),
    ).resolves.toEqual({ state: "unavailable", reason: "the service sent an unreadable answer" });
    const refused = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    await expect(lookupCustomer(REQUEST, { fetch: refused, timeoutMs: 1000 })).resolves.toEqual({
      state: "unavailable",
      reason: "cannot reach the service",
    });
    // Waits for the request's own abort signal, as a hung API would.
    const hung = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      )) as unknown as typeof fetch;
    await expect(lookupCustomer(REQUEST, { fetch: hung, timeoutMs: 20 })).resolves.toEqual({
      state: "unavailable",
      reason: "no answer in time",
    });
  });
});

describe("customerMessage", () => {
  it("tells the agent what to do when lookup is down", () => {
    expect(customerMessage({ state: "unavailable", reason: "the service answered 503" })).toBe(
      "Customer lookup is unavailable: the service answered 503. Verify the caller as usual.",
    );
    expect(customerMessage({ state: "not-configured" })).toMatch(/ccp\.crmApiUrl/);
    expect(customerMessage({ state: "found", customer: CUSTOMER })).toBe("");
  });
});
