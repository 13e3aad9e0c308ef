import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DeleteCommand, GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { RecordingMetrics } from "../support/in-memory-ports";
import { TABLE_SPECS } from "../../../constructs/security/table-specs";
import { DEPLOYED_TIMING, createPorts } from "../../../lambda/lex_fallback/adapters";
import { DynamoAuthStore } from "../../../lambda/lex_fallback/adapters/dynamo-auth-store";
import { loadConfig } from "../../../lambda/lex_fallback/config";
import { handleContactFlow } from "../../../lambda/lex_fallback/connect/orchestrator";
import { handleTurn } from "../../../lambda/lex_fallback/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { remotePolicy } from "../../../lambda/lex_fallback/shared/resilience";
import { connectEvent } from "../support/connect-events";
import { lexEvent } from "../support/events";
import {
  lambdaEnv,
  startDynamo,
  startServices,
  tableName,
  type FakeServices,
  type LocalDynamo,
} from "../support/local-aws";

/**
 * The PIN lockout against a real DynamoDB implementation (dynalite) and the deployed handler with
 * real SDK clients: only conditional writes on a real table can show that concurrent turns cannot
 * push more than three PINs through to the bank.
 */
let dynamo: LocalDynamo;
let services: FakeServices;
let handler: (event: unknown) => Promise<any>;
const saved = { ...process.env };
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  dynamo = await startDynamo(["authState", "securityEvents", "callbacks"]);
  services = await startServices();
  Object.assign(process.env, lambdaEnv(dynamo, services));
  ({ handler } = await import("../../../lambda/lex_fallback/index"));
  // Logs and EMF lines go to stdout; the assertions read the table and the replies instead.
  logger.setLogLevel("SILENT");
  process.stdout.write = (() => true) as typeof process.stdout.write;
});

afterAll(async () => {
  process.stdout.write = write;
  process.env = saved;
  await Promise.all([dynamo?.close(), services?.close()]);
});

/**
 * A separate Lambda container: its own ports, so its own circuit breakers (Lambda runs one
 * invocation per container at a time; concurrency is many containers on one table). Fifty of them
 * share two cores and one dynalite here, so a call may wait far beyond the deployed per-try timeouts;
 * what this proves is the bound on PINs, not latency (the cold-start test and bench do that).
 */
const PATIENT = Object.fromEntries(
  Object.entries(DEPLOYED_TIMING).map(([dependency, options]) => [
    dependency,
    { ...options, timeoutMs: 6000 },
  ]),
) as typeof DEPLOYED_TIMING;

function container(): (event: any) => Promise<any> {
  const config = loadConfig({ ...process.env, TURN_BUDGET_MS: "8000" });
  const deps = { config, ports: createPorts(config, PATIENT, new RecordingMetrics()) };
  return (event) => ("Details" in event ? handleContactFlow(event, deps) : handleTurn(event, deps));
}

const CUSTOMER = "c-123";
const authTable = tableName("authState");

function customerItem() {
  return dynamo.doc
    .send(new GetCommand({ TableName: authTable, Key: { request_id: `customer#${CUSTOMER}` } }))
    .then((out) => out.Item);
}

function pinTurn(sessionId: string, pin: string) {
  const event = lexEvent("CheckBalance", {
    slots: { AccountType: "current", Pin: pin },
    attributes: { customerId: CUSTOMER },
    inputMode: "DTMF",
  });
  event.sessionId = sessionId;
  return event;
}

function flowPin(contactId: string, pin: string) {
  const event = connectEvent({ operation: "verify_pin", pin }, { customerId: CUSTOMER });
  event.Details.ContactData.ContactId = contactId;
  event.Details.ContactData.InitialContactId = contactId;
  return event;
}

/** Each case starts with no attempts and no rate-limit counters for the customer. */
async function reset(): Promise<void> {
  services.pinChecks.clear();
  const items = await dynamo.doc.send(
    new ScanCommand({ TableName: authTable, ProjectionExpression: "request_id" }),
  );
  for (const { request_id } of items.Items ?? []) {
    if (request_id === `customer#${CUSTOMER}` || String(request_id).startsWith("rate#")) {
      await dynamo.doc.send(new DeleteCommand({ TableName: authTable, Key: { request_id } }));
    }
  }
}

describe("PIN lockout against dynalite", () => {
  beforeEach(reset);

  it("a correct PIN within the limit signs in and resets the count", async () => {
    const wrong = await handler(pinTurn("s-within-1", "1111"));
    expect(wrong.messages[0].content).toContain("You have 2 tries left");
    expect((await customerItem())?.pin_attempts).toBe(1);

    const right = await handler(pinTurn("s-within-2", "4321"));
    expect(right.sessionState.dialogAction.type).toBe("Close");
    expect(right.messages[0].content).toContain("£1,024.50");
    expect(await customerItem()).toBeUndefined();
    expect(services.pinChecks.get(CUSTOMER)).toBe(2);
  });

  it("50 concurrent wrong PINs from Lex and the flows: exactly 3 reach the bank, then the customer is locked", async () => {
    const events = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? pinTurn(`s-race-${i}`, "0000") : flowPin(`c-race-${i}`, "0000"),
    );
    const replies = await Promise.all(events.map((event) => container()(event)));

    expect(services.pinChecks.get(CUSTOMER)).toBe(3);
    const item = await customerItem();
    expect(item).toMatchObject({ locked: true, pin_attempts: 3 });
    // The TTL attribute the table definition names is the one the lock expires by.
    expect(item?.[TABLE_SPECS.authState.ttlAttribute!]).toBeGreaterThan(Date.now() / 1000 + 23 * 3600);

    // Every caller got a valid answer: two were told how many tries are left, the rest locked out.
    const told = replies.filter(
      (r) => r.messages?.[0]?.content?.includes("didn't match") || r.status === "Invalid",
    );
    const locked = replies.filter(
      (r) => r.sessionState?.sessionAttributes?.transferReason === "AuthLocked" || r.status === "LockedOut",
    );
    expect(told).toHaveLength(2);
    expect(locked).toHaveLength(48);
  }, 30_000);

  it("refuses a correct PIN once locked, without sending it to the bank", async () => {
    await Promise.all([1, 2, 3].map((i) => handler(pinTurn(`s-lock-${i}`, "9999"))));
    expect((await customerItem())?.locked).toBe(true);
    services.pinChecks.clear();

    const lex = await handler(pinTurn("s-after-lock", "4321"));
    expect(lex.sessionState.sessionAttributes.transferReason).toBe("AuthLocked");
    const flow = await handler(flowPin("c-after-lock", "4321"));
    expect(flow.status).toBe("LockedOut");
    expect(services.pinChecks.get(CUSTOMER)).toBeUndefined();
    const session = await dynamo.doc.send(
      new GetCommand({ TableName: authTable, Key: { request_id: "session#s-after-lock" } }),
    );
    expect(session.Item).toBeUndefined();
  });
});

/** A chat customer's text turn with a PIN in it (typed, or Contact Lens's "[PIN]"). */
function chatPinTurn(contactId: string, pin: string) {
  return lexEvent("CheckBalance", {
    fixture: "chat",
    slots: { AccountType: "current", Pin: pin },
    attributes: { customerId: CUSTOMER, contactId },
  });
}

async function securityEvents(sessionId: string) {
  const out = await dynamo.doc.send(new ScanCommand({ TableName: tableName("securityEvents") }));
  return (out.Items ?? [])
    .filter((item) => item.session_id === sessionId)
    .map((item) => [item.event_type, item.detail]);
}

describe("PINs in chat against dynalite", () => {
  beforeEach(reset);

  it("never reach the bank or the attempt count; without a push topic an advisor verifies", async () => {
    const replies = [];
    for (const [i, pin] of ["4321", "[PIN]", "0000", "0000"].entries())
      replies.push(await handler(chatPinTurn(`c-chat-${i}`, pin)));

    expect(services.pinChecks.get(CUSTOMER)).toBeUndefined();
    expect(await customerItem()).toBeUndefined();
    for (const reply of replies) {
      expect(reply.sessionState.dialogAction.type).toBe("Close");
      expect(reply.sessionState.sessionAttributes).toMatchObject({
        escalate: "true",
        transferReason: "ChatVerification",
        priority: "Normal",
      });
      expect(reply.sessionState.intent.slots.Pin).toBeNull();
    }
    const session = await dynamo.doc.send(
      new GetCommand({ TableName: authTable, Key: { request_id: "session#c-chat-0" } }),
    );
    expect(session.Item).toBeUndefined();
    expect(await securityEvents("c-chat-0")).toStrictEqual([
      ["AUTH_INPUT_REJECTED", { method: "PIN", reason: "pin-in-text", channel: "text" }],
      ["AUTH_REQUIRED", { method: "ADVISOR", reason: "companion-unavailable", channel: "text" }],
    ]);

    // The customer's next phone call still has all three tries.
    const call = await handler(pinTurn("s-after-chat", "1111"));
    expect(call.messages[0].content).toContain("You have 2 tries left");
  });
});

describe("failed spoken PINs are audited against dynalite", () => {
  beforeEach(reset);

  const spoken = (sessionId: string, pin: string) => ({ ...pinTurn(sessionId, pin), inputMode: "Speech" });

  it("a PIN that cannot be one: re-asked, no attempt used, an AUTH_INPUT_REJECTED event without the digits", async () => {
    const reply = await handler(spoken("s-misheard", "98765432"));
    expect(reply.sessionState.dialogAction).toStrictEqual({ type: "ElicitSlot", slotToElicit: "Pin" });
    expect(await customerItem()).toBeUndefined();
    expect(services.pinChecks.get(CUSTOMER)).toBeUndefined();
    const events = await securityEvents("s-misheard");
    expect(events).toStrictEqual([["AUTH_INPUT_REJECTED", { method: "PIN", reason: "format" }]]);
    expect(JSON.stringify(events)).not.toContain("98765432");
  });

  it("the bank answers 503 to the PIN check: handed over as BankUnavailable, the attempt counted, an AUTH_ERROR event", async () => {
    const bankDown = createServer((request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(503).end());
    });
    await new Promise<void>((resolve) => bankDown.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = bankDown.address() as AddressInfo;
      // Patient table timings: on a loaded machine a slow dynalite must not pass for the failure.
      const config = loadConfig({
        ...process.env,
        TURN_BUDGET_MS: "8000",
        BANKING_API_URL: `http://127.0.0.1:${port}`,
      });
      const deps = { config, ports: createPorts(config, PATIENT, new RecordingMetrics()) };
      const reply = await handleTurn(spoken("s-bank-down", "4321"), deps);
      expect(reply.sessionState.sessionAttributes.transferReason).toBe("BankUnavailable");
    } finally {
      await new Promise((resolve) => bankDown.close(resolve));
    }
    expect((await customerItem())?.pin_attempts).toBe(1);
    expect(await securityEvents("s-bank-down")).toStrictEqual([
      ["AUTH_ERROR", { method: "PIN", reason: "pin-check-failed" }],
    ]);
  });
});

describe("DynamoAuthStore windows against dynalite", () => {
  beforeEach(reset);

  function store(clock: { now: Date }) {
    return new DynamoAuthStore(
      authTable,
      async () => dynamo.doc,
      remotePolicy({ timeoutMs: 2000, attempts: 2 }),
      () => clock.now,
    );
  }

  it("lets the lock expire after a day, then counts afresh", async () => {
    const clock = { now: new Date("2026-12-01T09:00:00Z") };
    const auth = store(clock);
    for (let i = 0; i < 3; i++) expect((await auth.reservePinAttempt(CUSTOMER, 3)).kind).toBe("reserved");
    expect(await auth.reservePinAttempt(CUSTOMER, 3)).toStrictEqual({ kind: "locked" });
    expect(await auth.markAuthenticated("s-1", { customerId: CUSTOMER, method: "COMPANION_APP" })).toBe(
      false,
    );

    clock.now = new Date("2026-12-02T09:00:01Z");
    expect(await auth.isLocked(CUSTOMER)).toBe(false);
    const fresh = await auth.reservePinAttempt(CUSTOMER, 3);
    expect(fresh).toMatchObject({ kind: "reserved", attempt: { number: 1, last: false } });
    expect(await auth.markAuthenticated("s-2", { customerId: CUSTOMER, method: "PIN" })).toBe(true);
    expect(await auth.getSession("s-2")).toStrictEqual({ customerId: CUSTOMER, method: "PIN" });
  });

  it("a correct PIN on the last attempt signs in; a slower, earlier attempt cannot lift that lock", async () => {
    const auth = store({ now: new Date() });
    const first = await auth.reservePinAttempt(CUSTOMER, 3);
    await auth.reservePinAttempt(CUSTOMER, 3);
    const last = await auth.reservePinAttempt(CUSTOMER, 3);
    if (first.kind !== "reserved" || last.kind !== "reserved") throw new Error("expected reservations");
    expect(last.attempt.last).toBe(true);
    expect(
      await auth.markAuthenticated("s-early", { customerId: CUSTOMER, method: "PIN" }, first.attempt),
    ).toBe(false);
    expect(
      await auth.markAuthenticated("s-last", { customerId: CUSTOMER, method: "PIN" }, last.attempt),
    ).toBe(true);
    expect(await customerItem()).toBeUndefined();
  });

  it("honours a lock written before attempts were reserved (pin_failures, no pin_attempts)", async () => {
    const auth = store({ now: new Date() });
    const { PutCommand } = await import("@aws-sdk/lib-dynamodb");
    await dynamo.doc.send(
      new PutCommand({
        TableName: authTable,
        Item: {
          request_id: `customer#${CUSTOMER}`,
          pin_failures: 3,
          ttl: Math.floor(Date.now() / 1000) + 60,
        },
      }),
    );
    expect(await auth.reservePinAttempt(CUSTOMER, 3)).toStrictEqual({ kind: "locked" });
  });
});

describe("DynamoRateLimits against dynalite", () => {
  it("lets exactly the limit through when a contact's turns race", async () => {
    const { DynamoRateLimits } = await import("../../../lambda/lex_fallback/adapters/dynamo-rate-limits");
    const { DEFAULT_RATE_LIMITS } = await import("../../../lambda/lex_fallback/config");
    const limits = new DynamoRateLimits(
      authTable,
      async () => dynamo.doc,
      remotePolicy({ timeoutMs: 5000, attempts: 2 }),
      () => new Date(),
      DEFAULT_RATE_LIMITS,
    );
    const taken = await Promise.all(
      Array.from({ length: DEFAULT_RATE_LIMITS.contact.sensitive + 10 }, () =>
        limits.take("contact", "k-race", "sensitive"),
      ),
    );
    expect(taken.filter(Boolean)).toHaveLength(DEFAULT_RATE_LIMITS.contact.sensitive);
  }, 15_000);
});
