/**
 * Every route of the HTTP API refuses a request without a token (401 from its JWT authorizer), at
 * its own endpoint and, with DR's failover domain (config `dr.api`), through that host name too.
 */
import { ApiGatewayV2Client, GetApisCommand, type Api } from "@aws-sdk/client-apigatewayv2";
import { describeError, fail, pass, skip, type Check, type CheckResult } from "../check";
import type { SmokeContext } from "./context";

async function findApi(ctx: SmokeContext, name: string): Promise<Api | undefined> {
  const client = ctx.aws.client(ApiGatewayV2Client, ctx.config.region);
  let NextToken: string | undefined;
  do {
    // GetApis response: Items[].Name, ApiEndpoint, NextToken (API Gateway V2 API reference).
    const page = await client.send(new GetApisCommand({ NextToken }));
    const api = page.Items?.find((a) => a.Name === name);
    if (api) return api;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

export const apiUnauthorizedCheck: Check<SmokeContext> = {
  id: "api-401",
  title: "the APIs answer 401 without a token",
  async run(ctx) {
    const api = ctx.facts.api();
    if (!api) return skip("api-401", "the stack has no HTTP API");
    const live = await findApi(ctx, api.name);
    if (!live?.ApiEndpoint)
      return fail("api-401", `API ${api.name} not found in ${ctx.config.region}`, "deploy again");
    const domain = ctx.facts.apiDomain();
    const bases = [
      { base: `${live.ApiEndpoint}${api.stagePath}`, id: "api-401" },
      // The domain maps the stage at its root: the same routes, whichever Region answers.
      ...(domain ? [{ base: `https://${domain}`, id: "api-401-domain" }] : []),
    ];
    const results: CheckResult[] = [];
    for (const { base, id } of bases)
      for (const route of api.routes) results.push(await probe(ctx, route, base, `${id}:${route}`));
    return results;
  },
};

/** One tokenless request to a route: pass on 401, fail on any other answer or none. */
async function probe(ctx: SmokeContext, route: string, base: string, id: string): Promise<CheckResult> {
  const [method = "GET", path = "/"] = route.split(" ");
  const url = `${base}${path}`;
  try {
    const response = await ctx.fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      ...(method === "GET" ? {} : { body: "{}" }),
    });
    return response.status === 401
      ? pass(id, `${method} ${url} → 401`)
      : fail(
          id,
          `${method} ${url} → ${response.status}, expected 401`,
          "the route must carry its JWT authorizer (constructs/api): deploy again and check the route's authorization type",
        );
  } catch (error) {
    return fail(
      id,
      `${method} ${url}: ${describeError(error)}`,
      id.startsWith("api-401-domain")
        ? "check the failover domain: its records in the hosted zone (dr.api.hostedZoneId), each Region's certificate and API mapping (docs/disaster-recovery.md)"
        : "check DNS and network from this machine to the API endpoint",
    );
  }
}
