import fc from "fast-check";
import { handler } from "../../../lambda/lex_fallback";
import { handleContactFlow } from "../../../lambda/lex_fallback/connect/orchestrator";
import { HttpBankingApi } from "../../../lambda/lex_fallback/adapters/http-banking-api";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { remotePolicy } from "../../../lambda/lex_fallback/shared/resilience";
import { loggedRecords } from "../../support/quiet-output";
import { CONTACT_ID, connectEvent } from "../support/connect-events";
import { harness } from "../support/in-memory-ports";

/** What a STRING_MAP block accepts: flat, string values, small; ours keep to [A-Za-z0-9_-]. */
function expectFlowMap(response: unknown): void {
  expect(typeof response).toBe("object");
  for (const value of Object.values(response as Record<string, unknown>)) {
    expect(typeof value).toBe("string");
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
  }
  expect(JSON.stringify(response).length).toBeLessThan(32 * 1024);
}

describe("record_security_event", () => {
  it.each([
    ["AUTH_SUCCESS", "CompanionApp", "COMPANION_APP"],
    ["AUTH_SUCCESS", "PIN", "PIN"],
    ["PIN_LOCKOUT", "PIN", "PIN"],
  ])(
    "%s with method %s is written as reported, and authenticates or locks nobody",
    async (event, method, stored) => {
      const h = harness();
      const answer = await handleContactFlow(
        connectEvent({ operation: "record_security_event", event, method }),
        h.deps,
      );
      expect(answer).toStrictEqual({ status: "Recorded" });
      expect(h.security.events).toStrictEqual([
        {
          customerId: "c-123",
          type: event,
          sessionId: CONTACT_ID,
          intent: "connect:record_security_event",
          detail: { method: stored, source: "contact-flow" },
        },
      ]);
      expect(h.auth.sessions.size).toBe(0);
      expect(h.auth.locked.size).toBe(0);
    },
  );

  it("an event outside the allow-list is refused and nothing is written", async () => {
    const h = harness();
    for (const event of ["AUTH_LOCKED", "FRAUD_REPORTED", "", "auth_success; DROP"]) {
      const answer = await handleContactFlow(
        connectEvent({ operation: "record_security_event", event, method: "PIN" }),
        h.deps,
      );
      expect(answer).toStrictEqual({ status: "Error", reason: "unknown_event" });
    }
    expect(h.security.events).toHaveLength(0);
  });

  it("without a customer id the event is filed under the contact, and a failed write is not reported as Recorded", async () => {
    const h = harness();
    const event = connectEvent(
      { operation: "record_security_event", event: "PIN_LOCKOUT", method: "PIN" },
      { customerId: undefined },
    );
    await handleContactFlow(event, h.deps);
    expect(h.security.events[0]?.customerId).toBe(`unverified#${CONTACT_ID}`);

    const errors = jest.spyOn(logger, "error").mockImplementation(() => undefined);
    const down = harness({ security: { record: async () => Promise.reject(new Error("table down")) } });
    expect(await handleContactFlow(event, down.deps)).toStrictEqual({
      status: "Error",
      reason: "not_recorded",
    });
    expect(errors).toHaveBeenCalledWith("SECURITY_EVENT_UNWRITTEN", expect.anything());
    jest.restoreAllMocks();
  });
});

describe("request_callback", () => {
  const callback = (parameters: Record<string, string> = {}) =>
    connectEvent({ operation: "request_callback", category: "Cards", ...parameters });

  it("queues one request keyed by contact id with the caller's number, category and queue", async () => {
    const h = harness();
    expect(await handleContactFlow(callback(), h.deps)).toStrictEqual({ status: "Queued" });
    expect(h.callbacks.requests.get(CONTACT_ID)).toStrictEqual({
      contactId: CONTACT_ID,
      phoneNumber: "+447700900123",
      category: "Cards",
      queueArn: expect.stringMatching(/:instance\/.+\/queue\//),
      queueName: "CardsQueue",
    });
  });

  it("a retried call is still Queued and does not queue a second callback", async () => {
    const h = harness();
    await handleContactFlow(callback(), h.deps);
    expect(await handleContactFlow(callback({ category: "Loans" }), h.deps)).toStrictEqual({
      status: "Queued",
    });
    expect([...h.callbacks.requests.values()].map((r) => r.category)).toStrictEqual(["Cards"]);
  });

  it("prefers a keyed number passed by the flow, and files an unusable category as General", async () => {
    const h = harness();
    await handleContactFlow(
      callback({ callbackNumber: "07700 900456", category: "$.Attributes.Category" }),
      h.deps,
    );
    expect(h.callbacks.requests.get(CONTACT_ID)).toMatchObject({
      phoneNumber: "07700900456",
      category: "General",
    });
  });

  it("a withheld number is an error the flow can branch on", async () => {
    const h = harness();
    const event = callback();
    event.Details.ContactData.CustomerEndpoint = { Address: "anonymous", Type: "TELEPHONE_NUMBER" };
    expect(await handleContactFlow(event, h.deps)).toStrictEqual({
      status: "Error",
      reason: "no_callback_number",
    });
    event.Details.ContactData.CustomerEndpoint = null;
    expect(await handleContactFlow(event, h.deps)).toStrictEqual({
      status: "Error",
      reason: "no_callback_number",
    });
    expect(h.callbacks.requests.size).toBe(0);
  });

  it("logs only the last four digits of the number", async () => {
    const lines: string[] = [];
    const out = jest.spyOn(process.stdout, "write").mockImplementation((c) => (lines.push(String(c)), true));
    await handleContactFlow(callback(), harness().deps);
    out.mockRestore();
    expect(lines.join("\n")).toContain("****0123");
    expect(lines.join("\n")).not.toContain("7700900123");
  });
});

describe("dispatch and failure", () => {
  it("an unknown or missing operation is an Error answer with a warning, never a throw", async () => {
    const warn = jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const h = harness();
    expect(await handleContactFlow(connectEvent({ operation: "transfer_money" }), h.deps)).toStrictEqual({
      status: "Error",
      reason: "unknown_operation",
    });
    expect(await handleContactFlow(connectEvent({}), h.deps)).toStrictEqual({
      status: "Error",
      reason: "missing_operation",
    });
    expect(warn).toHaveBeenCalledTimes(2);
    jest.restoreAllMocks();
  });

  it("a dependency that hangs past the budget is a timeout answer", async () => {
    jest.spyOn(logger, "error").mockImplementation(() => undefined);
    const h = harness({ bank: { verifyPin: () => new Promise<boolean>(() => undefined) } });
    const answer = await handleContactFlow(
      connectEvent({ operation: "verify_pin", pin: "4321" }),
      h.deps,
      50,
    );
    expect(answer).toStrictEqual({ status: "Error", reason: "timeout" });
    jest.restoreAllMocks();
  });

  it("a dependency that stays down is a dependency_failure naming it, in the answer and the log; an unnamed failure names none", async () => {
    const bankDown = new HttpBankingApi(
      "https://bank.invalid",
      async () => "key",
      remotePolicy({ timeoutMs: 1000, attempts: 1 }, "banking"),
      (async () => new Response("{}", { status: 503 })) as typeof fetch,
    );
    const h = harness();
    const answer = await handleContactFlow(connectEvent({ operation: "verify_pin", pin: "4321" }), {
      ...h.deps,
      ports: { ...h.deps.ports, banking: bankDown },
    });
    expect(answer).toStrictEqual({ status: "Error", reason: "dependency_failure", dependency: "banking" });
    expectFlowMap(answer);
    const logged = loggedRecords().find((r) => r.message === "contact flow operation failed");
    expect(logged).toMatchObject({
      operation: "verify_pin",
      unavailable: { dependency: "banking", operation: "verify", refused: false },
    });
    expect(JSON.stringify(logged)).not.toContain("4321");

    const unnamed = harness({ bank: { verifyPin: async () => Promise.reject(new Error("bug")) } });
    expect(
      await handleContactFlow(connectEvent({ operation: "verify_pin", pin: "4321" }), unnamed.deps),
    ).toStrictEqual({ status: "Error", reason: "dependency_failure" });
  });

  it("any JSON value, or the real event with any field replaced, yields a flat string map with a status", async () => {
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    jest.spyOn(logger, "error").mockImplementation(() => undefined);
    const base = connectEvent({ operation: "verify_pin", pin: "4321" });
    const paths = [
      ["Details"],
      ["Details", "ContactData"],
      ["Details", "Parameters"],
      ["Details", "Parameters", "operation"],
      ["Details", "Parameters", "pin"],
      ["Details", "ContactData", "ContactId"],
      ["Details", "ContactData", "Attributes"],
      ["Details", "ContactData", "Attributes", "customerId"],
      ["Details", "ContactData", "CustomerEndpoint"],
      ["Details", "ContactData", "Queue"],
    ];
    const mutated = fc
      .record({ path: fc.constantFrom(...paths), value: fc.jsonValue() })
      .map(({ path, value }) => {
        const event = structuredClone(base);
        let node: any = event;
        for (const key of path.slice(0, -1)) node = node[key];
        node[path[path.length - 1]!] = value;
        return event;
      });
    const anyShape = fc.jsonValue().map((details) => ({ Name: "ContactFlowEvent", Details: details }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, anyShape), async (raw) => {
        const answer = await handleContactFlow(raw, harness().deps);
        expectFlowMap(answer);
        expect(["Verified", "Invalid", "LockedOut", "Error"]).toContain(answer.status);
      }),
      { numRuns: 200 },
    );
    jest.restoreAllMocks();
  });

  it("every operation answers in the STRING_MAP shape", async () => {
    const h = harness();
    const operations = [
      "companion_push_send",
      "companion_push_status",
      "verify_pin",
      "record_security_event",
      "request_callback",
    ];
    for (const operation of operations)
      expectFlowMap(
        await handleContactFlow(
          connectEvent({ operation, pin: "1111", event: "AUTH_SUCCESS", method: "PIN", category: "Cards" }),
          h.deps,
        ),
      );
  });
});

describe("handler", () => {
  it("answers a ContactFlowEvent with a string map and anything else as the Lex code hook", async () => {
    jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const context = { awsRequestId: "req-1", getRemainingTimeInMillis: () => 5000 };
    expect(await handler(connectEvent({ operation: "nope" }), context)).toStrictEqual({
      status: "Error",
      reason: "unknown_operation",
    });
    const lex = await handler({ sessionState: null }, context);
    expect(lex).toHaveProperty("sessionState.dialogAction.type", "ElicitIntent");
    jest.restoreAllMocks();
  });
});
