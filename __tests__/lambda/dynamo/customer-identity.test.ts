import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { loadConfig as loadStackConfig } from "../../../config/load";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { CUSTOMER_ID_FORMAT_ENV, customerIdFormatToEnv } from "../../../lambda/shared/customer-id";
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
 * One customer, one identity, against a real DynamoDB implementation (dynalite) and the deployed
 * handler, with the customer-id format the prod config ships (digits, read as a number). Before
 * ids were made canonical, each way of writing 12345 had its own three PIN tries: 15 PIN checks
 * reached the bank for one customer.
 */
let dynamo: LocalDynamo;
let services: FakeServices;
let handler: (event: unknown) => Promise<any>;
const saved = { ...process.env };
const write = process.stdout.write.bind(process.stdout);

const VARIANTS = ["12345", "012345", "0012345", "00012345", "000012345"];

beforeAll(async () => {
  dynamo = await startDynamo(["authState", "securityEvents", "callbacks"]);
  services = await startServices();
  const { customerIdFormat } = loadStackConfig({ env: "prod" }).security;
  Object.assign(process.env, lambdaEnv(dynamo, services), {
    [CUSTOMER_ID_FORMAT_ENV]: customerIdFormatToEnv(customerIdFormat),
  });
  jest.resetModules();
  ({ handler } = await import("../../../lambda/lex_fallback/index"));
  logger.setLogLevel("SILENT");
  process.stdout.write = (() => true) as typeof process.stdout.write;
});

afterAll(async () => {
  process.stdout.write = write;
  process.env = saved;
  await Promise.all([dynamo?.close(), services?.close()]);
});

function pinTurn(sessionId: string, customerId: string, pin: string) {
  const event = lexEvent("CheckBalance", {
    slots: { AccountType: "current", Pin: pin },
    attributes: { customerId, contactId: sessionId },
    inputMode: "DTMF",
  });
  event.sessionId = sessionId;
  return event;
}

function flowPin(contactId: string, customerId: string, pin: string) {
  const event = connectEvent({ operation: "verify_pin", pin }, { customerId });
  event.Details.ContactData.ContactId = contactId;
  event.Details.ContactData.InitialContactId = contactId;
  return event;
}

async function scan(table: string): Promise<Record<string, any>[]> {
  return (await dynamo.doc.send(new ScanCommand({ TableName: tableName(table as "authState") }))).Items ?? [];
}

describe("the leading-zero ways of writing one customer id (dynalite)", () => {
  it("share one PIN lockout: 3 PIN checks reach the bank, not 15", async () => {
    const replies = [];
    for (const [v, variant] of VARIANTS.entries())
      for (let attempt = 0; attempt < 3; attempt++)
        replies.push(await handler(pinTurn(`s-zero-${v}-${attempt}`, variant, "0000")));

    expect([...services.pinChecks.entries()]).toStrictEqual([["12345", 3]]);
    const locked = replies.filter((r) => r.sessionState.sessionAttributes?.transferReason === "AuthLocked");
    expect(locked).toHaveLength(VARIANTS.length * 3 - 2);

    // Every item the attempts and rate limits wrote is keyed by the one canonical id.
    const keys = (await scan("authState")).map((item) => String(item.request_id));
    expect(keys).toContain("customer#12345");
    expect(keys.filter((key) => /(^|[#:])0+12345/.test(key))).toStrictEqual([]);
    const customers = new Set((await scan("securityEvents")).map((item) => item.customer_id));
    expect([...customers]).toStrictEqual(["12345"]);
  });

  it("the contact flows' verify_pin, with spaces and zeros, meets the same lock", async () => {
    const reply = await handler(flowPin("c-flow-zero", "  0012345 ", "4321"));
    expect(reply.status).toBe("LockedOut");
    expect(services.pinChecks.get("12345")).toBe(3);
    expect(services.pinChecks.size).toBe(1);
  });

  it("an id outside the format keys nothing and reaches no bank: the caller goes to an advisor", async () => {
    const reply = await handler(pinTurn("s-not-an-id", "12a45", "0000"));
    expect(reply.sessionState.sessionAttributes).toMatchObject({
      escalate: "true",
      transferReason: "IdentityUnknown",
    });
    const flow = await handler(flowPin("c-not-an-id", "..", "0000"));
    expect(flow).toMatchObject({ status: "Error", reason: "no_customer_id" });
    expect(services.pinChecks.size).toBe(1);
    const keys = (await scan("authState")).map((item) => String(item.request_id));
    expect(keys.filter((key) => key.includes("12a45") || key.includes(".."))).toStrictEqual([]);
  });
});
