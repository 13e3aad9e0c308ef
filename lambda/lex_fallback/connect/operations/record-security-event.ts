import { record } from "../../auth/decisions";
import type { SecurityEventType } from "../../ports";
import { flowError, reply } from "../response";
import { authContext, claimedCustomer, type Operation } from "./types";

/**
 * Events a flow may report: an allow-list, so a flow cannot write arbitrary audit types. The auth
 * module reports how it ended, every ending: success, lockout, and each way of failing.
 */
const FLOW_EVENTS: Readonly<Record<string, SecurityEventType>> = {
  AUTH_SUCCESS: "AUTH_SUCCESS",
  PIN_LOCKOUT: "PIN_LOCKOUT",
  AUTH_NOT_VERIFIED: "AUTH_NOT_VERIFIED",
  AUTH_NOT_IDENTIFIED: "AUTH_NOT_IDENTIFIED",
  AUTH_ERROR: "AUTH_ERROR",
};

/** The flows' spellings (`$.Attributes.AuthMethod` is CompanionApp / PIN / None) → one vocabulary. */
const METHODS: Readonly<Record<string, string>> = {
  PIN: "PIN",
  COMPANION: "COMPANION_APP",
  COMPANION_APP: "COMPANION_APP",
  COMPANIONAPP: "COMPANION_APP",
  NONE: "NONE",
};

/**
 * `record_security_event`: writes what the flow decided (e.g. it ran out of PIN attempts) to the
 * security-events table. Audit only: it never authenticates or locks anyone. `status` Recorded.
 */
export const recordSecurityEvent: Operation = async (call, deps) => {
  const type = FLOW_EVENTS[(call.parameters.event ?? "").trim().toUpperCase()];
  if (type === undefined) return flowError("unknown_event");
  const method = METHODS[(call.parameters.method ?? "NONE").trim().toUpperCase() || "NONE"];
  if (method === undefined) return flowError("unknown_method");
  const customerId = claimedCustomer(call) ?? `unverified#${call.contactId}`;
  const written = await record(authContext(call, deps), customerId, type, { method, source: "contact-flow" });
  return written ? reply("Recorded") : flowError("not_recorded");
};
