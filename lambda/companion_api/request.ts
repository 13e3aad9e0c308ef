import * as z from "zod/mini";
import { claim, problem, type HttpResult, type JwtRouteEvent } from "../http_api/response";
import { canonicalCustomerId, type CustomerIdFormat } from "../shared/customer-id";

/** `POST /auth` body. Request ids are the UUIDs companion_push_send creates, nothing else. */
const answerSchema = z.object({
  requestId: z.uuid(),
  action: z.enum(["APPROVE", "DECLINE"]),
});

export type CompanionAction = z.infer<typeof answerSchema>["action"];

/** A validated answer from an authenticated app user. */
export interface CompanionAnswer {
  readonly requestId: string;
  readonly action: CompanionAction;
  /** The customer the app user is, from the verified token, in canonical form. */
  readonly customerId: string;
}

function refuse(status: number, error: string, message: string) {
  return { refusal: problem(status, error, message) };
}

/** Reads the answer and who gives it, or the 4xx to return. Pure: no I/O. */
export function parseAnswer(
  event: JwtRouteEvent,
  customerIdClaim: string,
  customerIdFormat: CustomerIdFormat,
): { readonly answer: CompanionAnswer } | { readonly refusal: HttpResult } {
  const claimed = claim(event, customerIdClaim);
  // The authorizer verified the token; a token without the customer claim is not an app user's.
  if (claimed === undefined) {
    return refuse(401, "no_customer", `the token carries no ${customerIdClaim} claim`);
  }
  // Canonical, as lex_fallback stored the request's customer: 012345 in the token is customer 12345.
  const customerId = canonicalCustomerId(claimed, customerIdFormat);
  if (customerId === undefined) {
    return refuse(401, "no_customer", `the token's ${customerIdClaim} claim is not a customer id`);
  }
  if (event.body === undefined || event.body === "") {
    return refuse(
      400,
      "bad_request",
      'send a JSON body {"requestId": "<uuid>", "action": "APPROVE"|"DECLINE"}',
    );
  }
  let body: unknown;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
    body = JSON.parse(text);
  } catch {
    return refuse(400, "bad_request", "the body is not JSON");
  }
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(body)"))];
    return refuse(
      400,
      "bad_request",
      `invalid ${fields.join(", ")}: requestId must be the request's UUID and action APPROVE or DECLINE`,
    );
  }
  return { answer: { ...parsed.data, customerId } };
}
