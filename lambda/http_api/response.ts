import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

/** The HTTP API event of a route behind a JWT authorizer (payload format 2.0). */
export type JwtRouteEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** A JSON answer nobody caches: every body here is about one person. */
export function json(statusCode: number, body: unknown): HttpResult {
  return {
    statusCode,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
    body: JSON.stringify(body),
  };
}

/** `{ error, message }`: a code a client can branch on and a sentence a developer can read. */
export function problem(statusCode: number, error: string, message: string): HttpResult {
  return json(statusCode, { error, message });
}

/** One claim of the verified token as a string (API Gateway passes claims as strings, numbers or arrays). */
export function claim(event: JwtRouteEvent, name: string): string | undefined {
  const value = (event.requestContext?.authorizer?.jwt?.claims as Record<string, unknown> | undefined)?.[
    name
  ];
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}

/**
 * A list claim (e.g. `cognito:groups`). HTTP APIs hand arrays to the integration as the string
 * `[a b c]`; a real JSON array (direct invocation, tests) is read as is.
 */
export function listClaim(event: JwtRouteEvent, name: string): string[] {
  const value = (event.requestContext?.authorizer?.jwt?.claims as Record<string, unknown> | undefined)?.[
    name
  ];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== "string") return [];
  const inner = value.trim().replace(/^\[/, "").replace(/\]$/, "");
  return inner.split(/[\s,]+/).filter((entry) => entry !== "");
}

/**
 * Whether `raw` can be read as an HTTP API event at all. Anything else (`null`, a string, an
 * array: a direct invocation gone wrong) gets `notAnHttpEvent()`, never a TypeError.
 */
export function isRouteEvent(raw: unknown): raw is JwtRouteEvent {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

export function notAnHttpEvent(): HttpResult {
  return problem(400, "bad_request", "expected an API Gateway HTTP API request (payload format 2.0)");
}

/** The caller's address as API Gateway saw it, for the access audit. */
export function sourceIp(event: JwtRouteEvent): string | undefined {
  const ip = (event.requestContext as { http?: { sourceIp?: unknown } } | undefined)?.http?.sourceIp;
  return typeof ip === "string" && ip !== "" ? ip : undefined;
}
