import { companionPushSend } from "./companion-push-send";
import { companionPushStatus } from "./companion-push-status";
import { recordSecurityEvent } from "./record-security-event";
import { requestCallback } from "./request-callback";
import type { Operation } from "./types";
import { verifyPin } from "./verify-pin";

/**
 * The `operation` values the contact flows send (contact_flows/auth_module_flow.json.tftpl and
 * callback_flow.json.tftpl) → their handler.
 */
export const OPERATIONS = {
  companion_push_send: companionPushSend,
  companion_push_status: companionPushStatus,
  verify_pin: verifyPin,
  record_security_event: recordSecurityEvent,
  request_callback: requestCallback,
} as const satisfies Readonly<Record<string, Operation>>;

export type OperationName = keyof typeof OPERATIONS;

export function isOperation(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, name);
}
