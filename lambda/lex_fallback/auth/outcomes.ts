import { transferAttributes } from "../handlers/common";
import type { Deps } from "../handlers/types";
import { close } from "../lex/reply";
import type { LexResponse } from "../lex/response";
import type { Caller, Turn } from "../lex/turn";

/** What the gate decided: run the intent as this caller, or answer with this reply. */
export type GateResult =
  | { readonly kind: "allowed"; readonly caller: Caller; readonly turn: Turn }
  | { readonly kind: "reply"; readonly response: LexResponse };

export function allowed(turn: Turn, customerId: string): GateResult {
  return { kind: "allowed", caller: { customerId, authenticated: true }, turn };
}

export function reply(response: LexResponse): GateResult {
  return { kind: "reply", response };
}

/** Ends the intent and asks the flow to hand the contact to an advisor (transferAttributes). */
export function toAgent(
  turn: Turn,
  deps: Deps,
  lead: string,
  reason: string,
  priority: "Normal" | "High",
): LexResponse {
  return close(turn, "Failed", `${lead} I'm transferring you to a colleague now.`, {
    attributes: transferAttributes(deps.config.agentQueue, reason, priority),
  });
}

export function lockedOut(turn: Turn, deps: Deps): LexResponse {
  return toAgent(
    turn,
    deps,
    "Telephone banking is locked after too many incorrect PINs.",
    "AuthLocked",
    "High",
  );
}
