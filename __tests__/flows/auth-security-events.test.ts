import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { renderFlowTemplate } from "../../constructs/flows/render";
import { DEPLOYED_TIMING, createPorts } from "../../lambda/lex_fallback/adapters";
import { loadConfig } from "../../lambda/lex_fallback/config";
import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { logger } from "../../lambda/lex_fallback/shared/logger";
import { RecordingMetrics } from "../lambda/support/in-memory-ports";
import {
  lambdaEnv,
  startDynamo,
  startServices,
  tableName,
  type FakeServices,
  type LocalDynamo,
} from "../lambda/support/local-aws";
import { TEMPLATE_VARIABLES } from "./fixtures";
import { CONTACT_ID, NO_INPUT, walkFlow, type FlowResponse, type Keyed, type Walk } from "./walk";

/**
 * Every way the authentication module can fail a caller, walked through the rendered module against
 * the deployed contact-flow handler with real SDK clients and a real DynamoDB (dynalite): each one
 * must leave a security event in the table, whether or not the PIN Lambda ever decided anything.
 */
const FILE = "auth_module_flow.json.tftpl";
const CONTENT = renderFlowTemplate(FILE, TEMPLATE_VARIABLES[FILE] ?? {});

let dynamo: LocalDynamo;
let services: FakeServices;
const saved = { ...process.env };

beforeAll(async () => {
  dynamo = await startDynamo(["authState", "securityEvents", "callbacks"]);
  services = await startServices();
  Object.assign(process.env, lambdaEnv(dynamo, services));
  // The handler logs each decision; the assertions read the table instead.
  logger.setLogLevel("SILENT");
}, 30_000);

afterAll(async () => {
  process.env = saved;
  await Promise.all([dynamo?.close(), services?.close()]);
});

/** Two cores run this beside other suites: per-try timeouts long enough not to be the test. */
const PATIENT = Object.fromEntries(
  Object.entries(DEPLOYED_TIMING).map(([dependency, options]) => [
    dependency,
    { ...options, timeoutMs: 5000 },
  ]),
) as typeof DEPLOYED_TIMING;

/** The deployed contact-flow entry, optionally with its environment changed (e.g. the bank's URL). */
function handler(env: Record<string, string> = {}): (event: unknown) => Promise<FlowResponse> {
  const config = loadConfig({ ...process.env, TURN_BUDGET_MS: "8000", ...env });
  const deps = { config, ports: createPorts(config, PATIENT, new RecordingMetrics()) };
  return (event) => handleContactFlow(event, deps);
}

/** One caller through the module; `verifyPin` may stand in for the PIN Lambda's answer. */
function walk(
  keyed: Record<string, readonly Keyed[]>,
  options: { verifyPin?: FlowResponse; env?: Record<string, string> } = {},
): Promise<Walk> {
  const real = handler(options.env);
  return walkFlow(CONTENT, {
    keyed,
    callerNumber: "+447700900123",
    invoke: (event) => {
      const operation = (event as { Details: { Parameters: Record<string, string> } }).Details.Parameters[
        "operation"
      ];
      return operation === "verify_pin" && options.verifyPin !== undefined
        ? Promise.resolve(options.verifyPin)
        : real(event);
    },
  });
}

/**
 * The events stored for one customer (or `unverified#<contact>`), in a fixed order: the sort key
 * starts with the millisecond, so two events written within one millisecond could come either way.
 */
async function eventsOf(customerId: string): Promise<[string, unknown][]> {
  const out = await dynamo.doc.send(
    new QueryCommand({
      TableName: tableName("securityEvents"),
      KeyConditionExpression: "customer_id = :c",
      ExpressionAttributeValues: { ":c": customerId },
    }),
  );
  return (out.Items ?? [])
    .map((item): [string, unknown] => [item["event_type"] as string, item["detail"]])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const byPin = (customer: string, ...pins: Keyed[]) => ({
  "get-customer-number": [customer],
  "choose-method": ["2"],
  "get-pin": pins,
});
const FROM_FLOW = (method: string) => ({ method, source: "contact-flow" });

describe("authentication failures are security events (dynalite)", () => {
  it("no customer number after three prompts: AUTH_NOT_IDENTIFIED, kept under the contact", async () => {
    const w = await walk({ "get-customer-number": [NO_INPUT, NO_INPUT, NO_INPUT] });
    expect(w.attributes["AuthResult"]).toBe("NotIdentified");
    expect(await eventsOf(`unverified#${CONTACT_ID}`)).toStrictEqual([
      ["AUTH_NOT_IDENTIFIED", FROM_FLOW("NONE")],
    ]);
  }, 30_000);

  it("three silent PIN prompts: no PIN check, no lock, AUTH_NOT_VERIFIED", async () => {
    const w = await walk(byPin("20000001", NO_INPUT, NO_INPUT, NO_INPUT));
    expect(w.attributes["AuthResult"]).toBe("NotVerified");
    expect(await eventsOf("20000001")).toStrictEqual([["AUTH_NOT_VERIFIED", FROM_FLOW("PIN")]]);
  }, 30_000);

  it("three wrong PINs the PIN Lambda never answers LockedOut for: AUTH_NOT_VERIFIED", async () => {
    const w = await walk(byPin("20000002", "1111", "2222", "3333"), {
      verifyPin: { status: "Invalid", attemptsRemaining: "2" },
    });
    expect(w.attributes["AuthResult"]).toBe("NotVerified");
    expect(await eventsOf("20000002")).toStrictEqual([["AUTH_NOT_VERIFIED", FROM_FLOW("PIN")]]);
  }, 30_000);

  it("three wrong PINs through the real Lambda: each failure, the lock, and the module's lockout", async () => {
    const w = await walk(byPin("20000003", "1111", "2222", "3333"));
    expect(w.attributes["AuthResult"]).toBe("LockedOut");
    const types = (await eventsOf("20000003")).map(([type]) => type);
    expect(types).toStrictEqual([
      "AUTH_LOCKED",
      "AUTH_PIN_FAILED",
      "AUTH_PIN_FAILED",
      "AUTH_PIN_FAILED",
      "PIN_LOCKOUT",
    ]);
  }, 30_000);

  it("the bank cannot check the PIN: AUTH_ERROR from the Lambda, and from the module as it ends", async () => {
    // Nothing listens on port 1 of the loopback: every bank call fails to connect.
    const w = await walk(byPin("20000004", "4321"), { env: { BANKING_API_URL: "http://127.0.0.1:1/bank" } });
    expect(w.attributes["AuthResult"]).toBe("Error");
    expect(await eventsOf("20000004")).toStrictEqual([
      ["AUTH_ERROR", FROM_FLOW("NONE")],
      ["AUTH_ERROR", { method: "PIN", reason: "pin-check-failed" }],
    ]);
  }, 30_000);
});
