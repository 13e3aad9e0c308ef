import { HttpBankingApi } from "../../lambda/lex_fallback/adapters/http-banking-api";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { remotePolicy } from "../../lambda/lex_fallback/shared/resilience";
import { lexEvent } from "./support/events";
import { harness } from "./support/in-memory-ports";

/** The bank's HTTP API answering the transactions request with `body`. */
function bankAnswering(body: unknown): HttpBankingApi {
  const fetchFn = (async () =>
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json" },
    })) as typeof fetch;
  return new HttpBankingApi(
    "https://bank.invalid",
    async () => "key",
    remotePolicy({ timeoutMs: 1000, attempts: 1 }),
    fetchFn,
  );
}

async function readOut(body: unknown) {
  const h = harness();
  h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
  const deps = { ...h.deps, ports: { ...h.deps.ports, banking: bankAnswering(body) } };
  const reply = await handleTurn(
    lexEvent("TransactionHistory", {
      slots: { AccountType: "current" },
      attributes: { customerId: "c-123" },
    }),
    deps,
  );
  return reply;
}

describe("the transaction read-out speaks the currency the bank answered with", () => {
  it("a euro account is read in euros, not pounds", async () => {
    const reply = await readOut({
      currency: "EUR",
      transactions: [{ date: "2026-11-20", description: "CARREFOUR", amount: -45.2 }],
    });
    expect(reply.messages?.[0]?.content).toContain("a payment of €45.20 to CARREFOUR on 2026-11-20");
    expect(reply.messages?.[0]?.content).not.toContain("£");
  });

  it("a transaction in another currency than its account's keeps its own", async () => {
    const reply = await readOut({
      currency: "GBP",
      transactions: [
        { date: "2026-11-20", description: "HOTEL NYC", amount: -120, currency: "USD" },
        { date: "2026-11-19", description: "SALARY", amount: 3500 },
      ],
    });
    expect(reply.messages?.[0]?.content).toContain(
      "a payment of US$120.00 to HOTEL NYC on 2026-11-20; a credit of £3,500.00 to SALARY on 2026-11-19",
    );
  });

  it.each([
    ["no currency at all", { transactions: [{ date: "2026-11-20", description: "SHOP", amount: -5 }] }],
    ["a currency that is not an ISO code", { currency: "pounds", transactions: [] }],
  ])("%s: hands the caller over rather than guess", async (_case, body) => {
    const reply = await readOut(body);
    expect(reply.sessionState.intent?.state).toBe("Failed");
    expect(reply.sessionState.sessionAttributes?.escalate).toBe("true");
  });
});
