import { QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import {
  BANK_API_KEY,
  REGION,
  startDynamo,
  startServices,
  tableName,
  type FakeServices,
  type LocalDynamo,
} from "../support/local-aws";
import { jwtRouteEvent } from "../support/http-events";

/**
 * The deployed crm_api entry, configured only by the environment the construct sets, over real
 * HTTP and a real DynamoDB implementation (dynalite): its SDK client reads the banking key from the
 * Secrets Manager stand-in, real fetch calls the bank stand-in (which refuses any other key and
 * records every path it is asked for), and each lookup lands in the customer-access table.
 */
let services: FakeServices;
let dynamo: LocalDynamo;
const saved = { ...process.env };
/** Every request the bank received under /core: method, path and the key it carried. */
const bankRequests: { path: string; key: string }[] = [];
const SUMMARY = {
  customerId: "12345",
  displayName: "Ms J. Doe",
  accounts: [{ kind: "Current account", last4: "1234", status: "active" }],
  cards: [],
  flags: [],
};
const CONTACT = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";

beforeAll(async () => {
  dynamo = await startDynamo(["customerAccess"]);
  services = await startServices({
    extra: (request, _body, response) => {
      const url = request.url ?? "";
      if (!url.startsWith("/core")) return false;
      bankRequests.push({ path: `${request.method} ${url}`, key: request.headers["x-api-key"] as string });
      const match = /^\/core\/customers\/([^/]+)\/summary$/.exec(url);
      const known = match !== null && decodeURIComponent(match[1]!) === "12345";
      response.writeHead(known ? 200 : 404, { "content-type": "application/json" });
      response.end(JSON.stringify(known ? SUMMARY : { message: "not found" }));
      return true;
    },
  });
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: "AKIDLOCALTEST",
    AWS_SECRET_ACCESS_KEY: "local-test-secret",
    AWS_ENDPOINT_URL_SECRETS_MANAGER: services.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    BANKING_API_URL: `${services.endpoint}/core`,
    BANKING_API_SECRET_ID: `arn:aws:secretsmanager:${REGION}:111122223333:secret:bank`,
    REQUIRED_AGENT_GROUP: "contact-centre-agents",
    AGENT_GROUPS_CLAIM: "groups",
    ACCESS_AUDIT_TABLE_NAME: tableName("customerAccess"),
    AUDIT_RETENTION_DAYS: "365",
    POWERTOOLS_LOG_LEVEL: "SILENT",
  });
});

afterAll(async () => {
  process.env = saved;
  await Promise.all([services?.close(), dynamo?.close()]);
});

const agent = (groups: string) => ({ sub: "agent-7", groups });
const get = async (query: Record<string, string>, claims?: Record<string, string>) => {
  const { handler } = await import("../../../lambda/crm_api/index");
  return handler(jwtRouteEvent({ routeKey: "GET /customer", claims, query }));
};

async function auditOf(customerId: string) {
  const out = await dynamo.doc.send(
    new QueryCommand({
      TableName: tableName("customerAccess"),
      KeyConditionExpression: "customer_id = :c",
      ExpressionAttributeValues: { ":c": customerId },
    }),
  );
  return out.Items ?? [];
}

it("serves an agent of the configured group with the bank's summary, read with the secret's key", async () => {
  const ok = await get({ customerId: "012345", contactId: CONTACT }, agent("[contact-centre-agents]"));
  expect(ok.statusCode).toBe(200);
  expect(JSON.parse(String(ok.body))).toStrictEqual(SUMMARY);
  expect(bankRequests).toStrictEqual([{ path: "GET /core/customers/12345/summary", key: BANK_API_KEY }]);

  const unknown = await get({ customerId: "404" }, agent("[contact-centre-agents]"));
  expect(unknown.statusCode).toBe(404);
});

it("records each lookup in the customer-access table: agent, customer, contact, time, result, kept a year", async () => {
  const [record] = await auditOf("12345");
  expect(record).toMatchObject({
    customer_id: "12345",
    action: "crm_lookup",
    actor_kind: "agent",
    actor: "agent-7",
    contact_id: CONTACT,
    result: "found",
    source_ip: "192.0.2.10",
  });
  const at = Date.parse(record!.at as string);
  expect(Date.now() - at).toBeLessThan(60_000);
  expect(record!.ttl).toBe(Math.floor(at / 1000) + 365 * 86_400);
  expect(await auditOf("404")).toMatchObject([{ result: "not_found" }]);
});

it("refuses an agent outside the group and a request without agent claims, without asking the bank", async () => {
  const before = bankRequests.length;
  const outsider = await get({ customerId: "12345" }, agent("[trainees]"));
  const anonymous = await get({ customerId: "12345" });
  expect([outsider.statusCode, anonymous.statusCode]).toStrictEqual([403, 401]);
  expect(bankRequests.length).toBe(before);
  expect((await auditOf("12345")).map((r) => r.result).sort()).toStrictEqual([
    "found",
    "refused_not_in_group",
  ]);
});

it("customerId=.. reaches no path of the bank: the key never leaves /customers/{id}/summary", async () => {
  const before = bankRequests.length;
  for (const customerId of ["..", ".", "%2e%2e", "../admin"]) {
    const refused = await get({ customerId }, agent("[contact-centre-agents]"));
    expect(refused.statusCode).toBe(400);
  }
  expect(bankRequests.slice(before)).toStrictEqual([]);
  const all = await dynamo.doc.send(new ScanCommand({ TableName: tableName("customerAccess") }));
  expect((all.Items ?? []).map((item) => item.customer_id).sort()).toStrictEqual(["12345", "12345", "404"]);
});

it.each([null, "not an event"])("answers %j with the 400 error shape", async (event) => {
  const { handler } = await import("../../../lambda/crm_api/index");
  const result = await handler(event);
  expect(result.statusCode).toBe(400);
  expect(JSON.parse(String(result.body)).error).toBe("bad_request");
});
