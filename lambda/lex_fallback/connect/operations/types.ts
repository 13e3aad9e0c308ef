import type { AuthContext } from "../../auth/decisions";
import { record } from "../../auth/decisions";
import { INPUT_ATTRIBUTES } from "../../contract";
import type { Deps } from "../../handlers/types";
import type { ContactCall } from "../event";
import { flowError, type FlowResponse } from "../response";

/** One contact-flow operation: validated call + injected ports in, one flat string map out. */
export type Operation = (call: ContactCall, deps: Deps) => Promise<FlowResponse>;

/** Auth decisions on the flow path are keyed by contact id, as a Lex session is. */
export function authContext(call: ContactCall, deps: Deps): AuthContext {
  return { deps, sessionId: call.contactId, intent: `connect:${call.operation}` };
}

/** The customer id the flow claims (contact attribute `customerId`); a PIN or the app proves it. */
export function claimedCustomer(call: ContactCall): string | undefined {
  return call.attributes[INPUT_ATTRIBUTES.customerId]?.trim() || undefined;
}

/** Auth operations need a claimed identity; without one the refusal is itself recorded. */
export async function noCustomer(ctx: AuthContext): Promise<FlowResponse> {
  await record(ctx, `unverified#${ctx.sessionId}`, "AUTH_REQUIRED", { reason: "no-customer-id" });
  return flowError("no_customer_id");
}
