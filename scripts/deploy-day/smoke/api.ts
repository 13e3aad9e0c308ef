/** Every route of the HTTP API refuses a request without a token (401 from its JWT authorizer). */
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
    const results: CheckResult[] = [];
    for (const route of api.routes) {
      const [method = "GET", path = "/"] = route.split(" ");
      const url = `${live.ApiEndpoint}${api.stagePath}${path}`;
      const id = `api-401:${route}`;
      try {
        const response = await ctx.fetch(url, {
          method,
          headers: { "content-type": "application/json" },
          ...(method === "GET" ? {} : { body: "{}" }),
        });
        results.push(
          response.status === 401
            ? pass(id, `${method} ${url} → 401`)
            : fail(
                id,
                `${method} ${url} → ${response.status}, expected 401`,
                "the route must carry its JWT authorizer (constructs/api): deploy again and check the route's authorization type",
              ),
        );
      } catch (error) {
        results.push(
          fail(
            id,
            `${method} ${url}: ${describeError(error)}`,
            "check DNS and network from this machine to the API endpoint",
          ),
        );
      }
    }
    return results;
  },
};
