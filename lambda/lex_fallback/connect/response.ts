/**
 * What a contact flow reads back as `$.External.<key>` (ResponseValidation STRING_MAP): a flat
 * map of short strings. Values stay within letters, digits, `_` and `-`, the set older Connect
 * docs allow, so a flow Compare on them never depends on escaping.
 */
export type FlowResponse = Readonly<Record<string, string>>;

/** Machine-readable reasons a flow may branch or report on. */
export type FlowErrorReason =
  | "malformed_event"
  | "missing_operation"
  | "unknown_operation"
  | "no_customer_id"
  | "identity_mismatch"
  | "unknown_event"
  | "unknown_method"
  | "no_callback_number"
  | "not_recorded"
  | "timeout"
  | "dependency_failure"
  /** An encrypted PIN that did not decrypt (tampered, wrong key, or sent in plain). */
  | "unreadable_input";

export function reply(status: string, extra: Readonly<Record<string, string>> = {}): FlowResponse {
  return { status, ...extra };
}

/**
 * The one error shape: the flow sees `status = Error` and a reason, never a Lambda failure.
 * `extra` adds fixed names only (e.g. which dependency failed), never a value from the call.
 */
export function flowError(
  reason: FlowErrorReason,
  extra: Readonly<Record<string, string>> = {},
): FlowResponse {
  return { status: "Error", reason, ...extra };
}
