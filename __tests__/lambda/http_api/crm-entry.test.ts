import { BANK_API_KEY, REGION, startServices, type FakeServices } from "../support/local-aws";
import { jwtRouteEvent } from "../support/http-events";

/**
 * The deployed crm_api entry, configured only by the environment the construct sets, over real
 * HTTP: its SDK client reads the banking key from the Secrets Manager stand-in, and real fetch calls
 * the bank stand-in, which refuses any other key.
 */
let services: FakeServices;
const saved = { ...process.env };
const summaries: string[] = [];
const SUMMARY = {
  customerId: "c-123",
  displayName: "Ms J. Doe",
  accounts: [{ kind: "Current account", last4: "1234", status: "active" }],
  cards: [],
  flags: [],
};

beforeAll(async () => {
  services = await startServices({
    extra: (request, _body, response) => {
      const match = /^\/core\/customers\/([^/]+)\/summary$/.exec(request.url ?? "");
      if (match === null) return false;
      summaries.push(request.headers["x-api-key"] as string);
      const known = decodeURIComponent(match[1]!) === "c-123";
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
    BANKING_API_URL: `${services.endpoint}/core`,
    BANKING_API_SECRET_ID: `arn:aws:secretsmanager:${REGION}:111122223333:secret:bank`,
    REQUIRED_AGENT_GROUP: "contact-centre-agents",
    AGENT_GROUPS_CLAIM: "groups",
    POWERTOOLS_LOG_LEVEL: "SILENT",
  });
});

afterAll(async () => {
  process.env = saved;
  await services?.close();
});

const agent = (groups: string) => ({ sub: "agent-7", groups });

it("serves an agent of the configured group with the bank's summary, read with the secret's key", async () => {
  const { handler } = await import("../../../lambda/crm_api/index");
  const ok = await handler(
    jwtRouteEvent({
      routeKey: "GET /customer",
      claims: agent("[contact-centre-agents]"),
      query: { customerId: "c-123" },
    }),
  );
  expect(ok.statusCode).toBe(200);
  expect(JSON.parse(String(ok.body))).toStrictEqual(SUMMARY);
  expect(summaries).toStrictEqual([BANK_API_KEY]);

  const unknown = await handler(
    jwtRouteEvent({
      routeKey: "GET /customer",
      claims: agent("[contact-centre-agents]"),
      query: { customerId: "c-404" },
    }),
  );
  expect(unknown.statusCode).toBe(404);
});

it("refuses an agent outside the group and a request without agent claims, without asking the bank", async () => {
  const { handler } = await import("../../../lambda/crm_api/index");
  const before = summaries.length;
  const outsider = await handler(
    jwtRouteEvent({ routeKey: "GET /customer", claims: agent("[trainees]"), query: { customerId: "c-123" } }),
  );
  const anonymous = await handler(
    jwtRouteEvent({ routeKey: "GET /customer", query: { customerId: "c-123" } }),
  );
  expect([outsider.statusCode, anonymous.statusCode]).toStrictEqual([403, 401]);
  expect(summaries.length).toBe(before);
});
