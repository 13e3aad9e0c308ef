import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { DEPLOYED_TIMING, createPorts } from "../../../lambda/lex_fallback/adapters";
import { loadConfig } from "../../../lambda/lex_fallback/config";
import type { Deps } from "../../../lambda/lex_fallback/handlers/types";
import { handleTurn } from "../../../lambda/lex_fallback/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { startDynamoProxy, type DynamoCall, type DynamoProxy, type Fault } from "../support/dynamo-proxy";
import { lexEvent, loadEvent } from "../support/events";
import { RecordingMetrics } from "../support/in-memory-ports";
import { withClockAhead } from "../support/clock";
import {
  lambdaEnv,
  startDynamo,
  startServices,
  tableName,
  type FakeServices,
  type LocalDynamo,
} from "../support/local-aws";

/**
 * One dependency (a table, one kind of bank call) down while the others work, against dynalite
 * behind a fault-injecting proxy and a stand-in bank, through the deployed ports and timings:
 * turns that do not need what is down keep answering; those that do hand over saying what was down.
 */
let dynamo: LocalDynamo;
let proxy: DynamoProxy;
let services: FakeServices;
let bank: Server;
let fault: (call: DynamoCall) => Fault | undefined = () => undefined;
const balanceUp = { value: true };
const bankCalls: string[] = [];
const saved = { ...process.env };

/** The bank: balances (while balanceUp), payments, PIN checks; no branches. */
function startBank(): Promise<string> {
  bank = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const url = request.url ?? "";
      bankCalls.push(url.split("?")[0]!.split("/").at(-1)!);
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (url.endsWith("/balance"))
        return balanceUp.value
          ? json(200, { available: 1024.5, current: 1100, currency: "GBP", accountLast4: "1234" })
          : json(503, { message: "balance service down" });
      if (url.endsWith("/payments")) return json(200, { reference: "TX-77" });
      if (url.endsWith("/pin/verify")) return json(200, { valid: true });
      json(404, { message: "not found" });
    });
  });
  return new Promise((resolve) =>
    bank.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(bank.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  [dynamo, services] = await Promise.all([startDynamo(["authState", "securityEvents"]), startServices()]);
  proxy = await startDynamoProxy(dynamo.endpoint, { fault: (call) => fault(call) });
  Object.assign(process.env, lambdaEnv(dynamo, services), {
    AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint,
    BANKING_API_URL: await startBank(),
  });
  logger.setLogLevel("SILENT");
}, 30_000);

afterAll(async () => {
  process.env = saved;
  await new Promise((resolve) => bank?.close(resolve));
  await Promise.all([proxy?.close(), dynamo?.close(), services?.close()]);
});

beforeEach(() => {
  fault = () => undefined;
  balanceUp.value = true;
  bankCalls.length = 0;
});

/** A fresh Lambda container: its own breakers. The model answers from memory (no Bedrock here). */
function container(): Deps {
  const config = loadConfig(process.env);
  const ports = createPorts(config, DEPLOYED_TIMING, new RecordingMetrics());
  return { config, ports: { ...ports, llm: { answer: async () => "We open at 9am on weekdays." } } };
}

async function signIn(contactId: string): Promise<void> {
  await dynamo.doc.send(
    new PutCommand({
      TableName: tableName("authState"),
      Item: {
        request_id: `session#${contactId}`,
        status: "AUTHENTICATED",
        customer_id: "c-123",
        method: "PIN",
        ttl: Math.floor(Date.now() / 1000) + 3600,
      },
    }),
  );
}

const turn = (intent: string, contactId: string, slots: Record<string, string> = {}, source?: string) =>
  lexEvent(intent, {
    slots,
    attributes: { customerId: "c-123", contactId },
    ...(source ? { source } : {}),
  });
const reasonOf = (reply: Awaited<ReturnType<typeof handleTurn>>) =>
  reply.sessionState.sessionAttributes?.transferReason;

const isAuthTable = (call: DynamoCall) => call.body.TableName === tableName("authState");

describe("a dependency down stops only the turns that need it", () => {
  it("auth-state table down: banking turns hand over as AuthUnavailable; questions, branches, advisors and fraud reports still answer, and the fraud report is audited", async () => {
    fault = (call) => (isAuthTable(call) ? "error" : undefined);
    const deps = container();
    for (let i = 0; i < 4; i++) {
      const reply = await handleTurn(turn("CheckBalance", "k-auth-down", { AccountType: "current" }), deps);
      expect(reasonOf(reply)).toBe("AuthUnavailable");
    }
    const question = await handleTurn(
      lexEvent("FallbackIntent", {
        transcript: "when do you open",
        attributes: { customerId: "c-123", contactId: "k-auth-down" },
      }),
      deps,
    );
    expect(question.messages?.[0]?.content).toContain("We open at 9am on weekdays.");
    const branch = await handleTurn(turn("BranchLocator", "k-auth-down", { Postcode: "SW1A 1AA" }), deps);
    expect(branch.sessionState.intent?.state).toBe("Fulfilled");
    const advisor = await handleTurn(turn("TransferToAgent", "k-auth-down"), deps);
    expect(reasonOf(advisor)).toBe("CustomerRequest");

    const fraud = loadEvent("ReportFraud", "base");
    fraud.sessionState.sessionAttributes = { customerId: "c-auth-down", contactId: "k-auth-down" };
    const reported = await handleTurn(fraud, deps);
    expect(reported.sessionState.sessionAttributes?.targetQueue).toBe("FraudQueue");
    const events = await dynamo.doc.send(new ScanCommand({ TableName: tableName("securityEvents") }));
    expect(
      events.Items?.filter((e) => e.customer_id === "c-auth-down").map((e) => e.event_type),
    ).toStrictEqual(["FRAUD_REPORTED"]);
  }, 20_000);

  it("rate-limit counters throttled: signed-in callers keep getting their balance (the limiter lets them through)", async () => {
    await signIn("k-hot-counter");
    fault = (call) =>
      call.action === "UpdateItem" && String(call.body.Key?.request_id?.S).startsWith("rate#")
        ? "throttle"
        : undefined;
    const deps = container();
    for (let i = 0; i < 6; i++) {
      const reply = await handleTurn(turn("CheckBalance", "k-hot-counter", { AccountType: "current" }), deps);
      expect({ i, answer: reply.messages?.[0]?.content }).toStrictEqual({
        i,
        answer: expect.stringContaining("£1,024.50"),
      });
    }
    expect(proxy.faults()).toBeGreaterThanOrEqual(6);
  }, 20_000);

  it("the bank's balance service down: balances hand over as BankUnavailable, a transfer still goes through", async () => {
    await signIn("k-balance-down");
    balanceUp.value = false;
    const deps = container();
    for (let i = 0; i < 6; i++) {
      const reply = await handleTurn(
        turn("CheckBalance", "k-balance-down", { AccountType: "current" }),
        deps,
      );
      expect(reasonOf(reply)).toBe("BankUnavailable");
    }
    const transfer = lexEvent("InternalTransfer", {
      slots: { FromAccount: "current", ToAccount: "savings", Amount: "100" },
      confirmation: "Confirmed",
      attributes: { customerId: "c-123", contactId: "k-balance-down" },
    });
    const moved = await handleTurn(transfer, deps);
    expect(moved.messages?.[0]?.content).toContain("The reference is TX-77");
    // The breaker stopped calling the failing endpoint; the payment reached the bank.
    expect(bankCalls.filter((c) => c === "balance").length).toBeLessThan(12);
    expect(bankCalls.at(-1)).toBe("payments");
  }, 20_000);

  it("answers again about a second after the dependency recovers, not after a fixed ten", async () => {
    await signIn("k-recovers");
    balanceUp.value = false;
    const deps = container();
    for (let i = 0; i < 6; i++)
      await handleTurn(turn("CheckBalance", "k-recovers", { AccountType: "current" }), deps);
    balanceUp.value = true;
    const reply = await withClockAhead(1_200, () =>
      handleTurn(turn("CheckBalance", "k-recovers", { AccountType: "current" }), deps),
    );
    expect(reply.messages?.[0]?.content).toContain("£1,024.50");
  }, 20_000);
});
