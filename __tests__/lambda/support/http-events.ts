import type { AccessRecord } from "../../../lambda/http_api/access-audit";
import type { JwtRouteEvent } from "../../../lambda/http_api/response";

/**
 * An API Gateway HTTP API event (payload format 2.0) for a route behind a JWT authorizer, as the
 * integration receives it: the verified token's claims under requestContext.authorizer.jwt.
 * `claims: undefined` is a request that reached the function without an authorizer.
 */
export function jwtRouteEvent(options: {
  routeKey: "POST /auth" | "GET /customer";
  claims?: Record<string, string | number | string[]> | undefined;
  body?: string;
  query?: Record<string, string>;
}): JwtRouteEvent {
  const [method, path] = options.routeKey.split(" ") as [string, string];
  return {
    version: "2.0",
    routeKey: options.routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { "content-type": "application/json", authorization: "Bearer eyJhbGciOi.redacted.sig" },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    requestContext: {
      accountId: "111122223333",
      apiId: "a1b2c3d4e5",
      authorizer: {
        principalId: "",
        integrationLatency: 0,
        jwt: { claims: (options.claims ?? {}) as Record<string, string>, scopes: [] },
      },
      domainName: "a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com",
      domainPrefix: "a1b2c3d4e5",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "192.0.2.10", userAgent: "jest" },
      requestId: "Q1w2E3r4T5y6=",
      routeKey: options.routeKey,
      stage: "$default",
      time: "02/Dec/2026:16:40:00 +0000",
      timeEpoch: 1796229600000,
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
  } as JwtRouteEvent;
}

/** A logger that keeps what it was given, to prove what reaches the logs. */
export function recordingLogger() {
  const lines: unknown[] = [];
  const keep = (...args: unknown[]) => void lines.push(args);
  return { lines, info: keep, warn: keep, error: keep };
}

/** An access audit that keeps what it was given, or refuses every record when `failing`. */
export function recordingAudit(options: { failing?: boolean } = {}) {
  const records: AccessRecord[] = [];
  return {
    records,
    record: async (entry: AccessRecord) => {
      if (options.failing)
        throw Object.assign(new Error("audit table unavailable"), { name: "ServiceUnavailable" });
      records.push(entry);
    },
  };
}
