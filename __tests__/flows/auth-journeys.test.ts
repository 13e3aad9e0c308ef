import { renderFlowTemplate } from "../../constructs/flows/render";
import { INPUT_ATTRIBUTES } from "../../lambda/lex_fallback/contract";
import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { logger } from "../../lambda/lex_fallback/shared/logger";
import { harness, type Harness } from "../lambda/support/in-memory-ports";
import { TEMPLATE_VARIABLES } from "./fixtures";
import { CONTACT_ID, NO_INPUT, walkFlow, type FlowResponse, type Keyed, type Walk } from "./walk";

/**
 * Callers walked through the authentication module against the real contact-flow Lambda (with
 * in-memory tables and bank): what the module asks, what it sends, and what it leaves in
 * `$.Attributes.AuthResult` for the IVR.
 */

const FILE = "auth_module_flow.json.tftpl";
const CONTENT = renderFlowTemplate(FILE, TEMPLATE_VARIABLES[FILE] ?? {});
/** A customer number as a caller keys it, and that customer's PIN at the in-memory bank. */
const CUSTOMER = "12345678";
const PIN = "4321";

function bank(): Harness {
  return harness({ bank: { verifyPin: async (customerId, pin) => customerId === CUSTOMER && pin === PIN } });
}

/** Runs the module against the real Lambda; `answer` may stand in for it per operation. */
function walk(
  h: Harness,
  keyed: Record<string, readonly Keyed[]>,
  answer: (operation: string, real: () => Promise<FlowResponse>) => Promise<FlowResponse> = (_, real) =>
    real(),
): Promise<Walk> {
  return walkFlow(CONTENT, {
    keyed,
    callerNumber: "+447700900123",
    invoke: (event) => {
      const { Parameters } = (event as { Details: { Parameters: Record<string, string> } }).Details;
      return answer(Parameters["operation"] ?? "", () => handleContactFlow(event, h.deps));
    },
  });
}

const operations = (w: Walk) => w.invocations.map((i) => i.parameters["operation"]);
/** The security events written, oldest first: who and what. */
const events = (h: Harness) => h.security.events.map((e) => ({ customerId: e.customerId, type: e.type }));
const outcome = (w: Walk) => ({
  AuthResult: w.attributes["AuthResult"],
  AuthMethod: w.attributes["AuthMethod"],
});

// The Lambda logs each decision; the assertions read the tables instead.
beforeAll(() => {
  for (const level of ["info", "warn", "error"] as const)
    jest.spyOn(logger, level).mockImplementation(() => undefined);
});

describe("auth module: caller identification", () => {
  it("asks for the customer number first and every Lambda call carries it as the claimed identity", async () => {
    const w = await walk(bank(), {
      "get-customer-number": [CUSTOMER],
      "choose-method": ["2"],
      "get-pin": [PIN],
    });
    expect(outcome(w)).toStrictEqual({ AuthResult: "Authenticated", AuthMethod: "PIN" });
    expect(w.invocations.length).toBeGreaterThan(0);
    for (const call of w.invocations) expect(call.attributes[INPUT_ATTRIBUTES.customerId]).toBe(CUSTOMER);
    expect(w.invocations.map((i) => i.response["reason"])).not.toContain("no_customer_id");
  });

  it("collects the number as stored, length-capped DTMF with flow logging off until it is in an attribute", async () => {
    const w = await walk(bank(), {
      "get-customer-number": [CUSTOMER],
      "choose-method": ["2"],
      "get-pin": [PIN],
    });
    const ask = w.steps.find((s) => s.id === "get-customer-number");
    expect(ask?.parameters).toMatchObject({
      StoreInput: "True",
      InputValidation: { CustomValidation: { MaximumLength: expect.stringMatching(/^\d+$/) } },
      DTMFConfiguration: { InputTerminationSequence: "#" },
    });
    // Every block that collects or reads keyed digits runs unlogged, as the PIN does...
    const sensitive = w.steps.filter(
      (s) =>
        s.parameters["StoreInput"] === "True" ||
        JSON.stringify(s.parameters).includes("$.StoredCustomerInput"),
    );
    expect(sensitive.map((s) => s.id)).toEqual(
      expect.arrayContaining(["get-customer-number", "set-customer-id", "get-pin", "verify-pin"]),
    );
    for (const s of sensitive) expect([s.id, s.logging]).toStrictEqual([s.id, "Disabled"]);
    // ...and logging is back on for the method menu in between.
    expect(w.steps.find((s) => s.id === "choose-method")?.logging).toBe("Enabled");
  });

  it("never claims the literal 'Timeout' as a customer: three silent attempts end NotIdentified, recorded, logging restored", async () => {
    const h = bank();
    const w = await walk(h, { "get-customer-number": [NO_INPUT, NO_INPUT, NO_INPUT] });
    expect(w.attributes["AuthResult"]).toBe("NotIdentified");
    expect(w.attributes[INPUT_ATTRIBUTES.customerId]).toBeUndefined();
    expect(operations(w)).toStrictEqual(["record_security_event"]);
    // No customer was claimed: the event is kept under the contact.
    expect(events(h)).toStrictEqual([
      { customerId: `unverified#${CONTACT_ID}`, type: "AUTH_NOT_IDENTIFIED" },
    ]);
    expect(w.steps.at(-1)).toMatchObject({ type: "EndFlowModuleExecution", logging: "Enabled" });
  });
});

describe("auth module: companion push", () => {
  it("goes straight to the PIN when the push was not sent, without asking the app for an answer", async () => {
    const h = bank();
    h.deps.ports.notifier.companionPush = async () => {
      throw new Error("push service down");
    };
    const w = await walk(h, { "get-customer-number": [CUSTOMER], "choose-method": ["1"], "get-pin": [PIN] });
    expect(operations(w)).toStrictEqual(["companion_push_send", "verify_pin", "record_security_event"]);
    expect(w.invocations[0]?.response).toStrictEqual({ status: "Failed", reason: "push_failed" });
    expect(outcome(w)).toStrictEqual({ AuthResult: "Authenticated", AuthMethod: "PIN" });
  });

  it("keeps asking the app while the answer is Pending and authenticates on approval", async () => {
    const h = bank();
    let checks = 0;
    const w = await walk(
      h,
      { "get-customer-number": [CUSTOMER], "choose-method": ["1"] },
      (operation, real) => {
        if (operation === "companion_push_status" && ++checks === 3)
          h.auth.companionStatuses.set("req-1", "APPROVE");
        return real();
      },
    );
    expect(operations(w)).toStrictEqual([
      "companion_push_send",
      "companion_push_status",
      "companion_push_status",
      "companion_push_status",
      "record_security_event",
    ]);
    expect(outcome(w)).toStrictEqual({ AuthResult: "Authenticated", AuthMethod: "CompanionApp" });
    expect(h.auth.sessions.get(CONTACT_ID)).toStrictEqual({
      customerId: CUSTOMER,
      method: "COMPANION_APP",
    });
  });

  it("falls back to the PIN when the app never answers, after a bounded number of checks", async () => {
    const w = await walk(bank(), {
      "get-customer-number": [CUSTOMER],
      "choose-method": ["1"],
      "get-pin": [PIN],
    });
    const checks = operations(w).filter((o) => o === "companion_push_status").length;
    expect(checks).toBeGreaterThan(1);
    expect(checks).toBeLessThanOrEqual(6);
    expect(outcome(w)).toStrictEqual({ AuthResult: "Authenticated", AuthMethod: "PIN" });
  });
});

describe("auth module: PIN results", () => {
  const keyed = (...pins: Keyed[]) => ({
    "get-customer-number": [CUSTOMER],
    "choose-method": ["2"],
    "get-pin": pins,
  });

  it("Invalid asks again and a right PIN on the next try authenticates", async () => {
    const w = await walk(bank(), keyed("1111", PIN));
    expect(w.ids.filter((id) => id === "get-pin")).toHaveLength(2);
    expect(outcome(w)).toStrictEqual({ AuthResult: "Authenticated", AuthMethod: "PIN" });
  });

  it("three wrong PINs: the Lambda locks the customer and the module takes the lockout branch", async () => {
    const h = bank();
    const w = await walk(h, keyed("1111", "2222", "3333"));
    expect(
      w.invocations
        .filter((i) => i.parameters["operation"] === "verify_pin")
        .map((i) => i.response["status"]),
    ).toStrictEqual(["Invalid", "Invalid", "LockedOut"]);
    expect(w.attributes["AuthResult"]).toBe("LockedOut");
    expect(w.invocations.at(-1)?.parameters).toMatchObject({
      operation: "record_security_event",
      event: "PIN_LOCKOUT",
    });
  });

  it("an already locked customer is told at once: LockedOut is not a wrong PIN to retry", async () => {
    const h = bank();
    h.auth.locked.add(CUSTOMER);
    const w = await walk(h, keyed(PIN));
    expect(w.ids.filter((id) => id === "get-pin")).toHaveLength(1);
    expect(w.attributes["AuthResult"]).toBe("LockedOut");
  });

  it.each([
    ["Error", { status: "Error", reason: "dependency_failure" }],
    ["a status the module does not know", { status: "Unexpected" }],
  ])(
    "%s ends in the error branch without another PIN prompt or a lockout, recorded as an error",
    async (_name, reply) => {
      const h = bank();
      const w = await walk(h, keyed(PIN), async (operation, real) =>
        operation === "verify_pin" ? reply : real(),
      );
      expect(w.ids.filter((id) => id === "get-pin")).toHaveLength(1);
      expect(w.attributes["AuthResult"]).toBe("Error");
      expect(events(h)).toStrictEqual([{ customerId: CUSTOMER, type: "AUTH_ERROR" }]);
      expect(w.steps.at(-1)?.logging).toBe("Enabled");
    },
  );

  it("three PIN prompts left unanswered end NotVerified: no PIN check, no lockout claimed, the ending recorded", async () => {
    const h = bank();
    // A storing prompt that times out takes its success path with "Timeout"; the module must not
    // send that to the Lambda as a PIN attempt.
    const w = await walk(h, keyed(NO_INPUT, NO_INPUT, NO_INPUT));
    expect(w.attributes["AuthResult"]).toBe("NotVerified");
    expect(operations(w)).toStrictEqual(["record_security_event"]);
    expect(events(h)).toStrictEqual([{ customerId: CUSTOMER, type: "AUTH_NOT_VERIFIED" }]);
    expect(h.auth.locked.has(CUSTOMER)).toBe(false);
    expect(w.steps.at(-1)?.logging).toBe("Enabled");
  });

  it("three wrong PINs the Lambda never answers LockedOut for end NotVerified, and that is recorded", async () => {
    const h = bank();
    // A PIN Lambda that keeps answering Invalid (its count reset, or it allows more tries).
    const w = await walk(h, keyed("1111", "2222", "3333"), async (operation, real) =>
      operation === "verify_pin" ? { status: "Invalid", attemptsRemaining: "2" } : real(),
    );
    expect(w.attributes["AuthResult"]).toBe("NotVerified");
    expect(operations(w)).toStrictEqual(["verify_pin", "verify_pin", "verify_pin", "record_security_event"]);
    expect(w.invocations.at(-1)?.parameters).toMatchObject({ event: "AUTH_NOT_VERIFIED", method: "PIN" });
    expect(events(h)).toStrictEqual([{ customerId: CUSTOMER, type: "AUTH_NOT_VERIFIED" }]);
  });

  it("a PIN check the bank cannot answer is recorded by the Lambda and the ending by the module", async () => {
    const h = harness({
      bank: {
        verifyPin: async () => {
          throw new Error("bank unavailable");
        },
      },
    });
    const w = await walk(h, keyed(PIN));
    expect(w.invocations[0]?.response).toStrictEqual({ status: "Error", reason: "dependency_failure" });
    expect(w.attributes["AuthResult"]).toBe("Error");
    expect(h.security.events.map((e) => [e.type, e.intent, e.detail])).toStrictEqual([
      ["AUTH_ERROR", "connect:verify_pin", { method: "PIN", reason: "pin-check-failed" }],
      ["AUTH_ERROR", "connect:record_security_event", { method: "NONE", source: "contact-flow" }],
    ]);
  });
});
