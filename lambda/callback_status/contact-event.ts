/**
 * The fields of an Amazon Connect contact event (EventBridge, detail-type "Amazon Connect Contact
 * Event", fields camelCase as in the admin guide's "Amazon Connect contact events" data model and
 * samples) that the callback lifecycle needs. Connect adds fields and event types over time and
 * says consumers must ignore what they do not know, so only these are read. Customer data (tags,
 * attributes, endpoints) is never copied out of the event.
 */
export interface ContactEvent {
  /** `detail.eventType`: INITIATED, QUEUED, CONNECTED_TO_AGENT, DISCONNECTED, COMPLETED, ... */
  readonly eventType: string;
  /** `detail.contactId`: the contact the event is about (for a callback, the callback contact). */
  readonly contactId: string;
  /** `detail.initiationMethod`: CALLBACK for a queued callback. */
  readonly initiationMethod: string;
  /** `detail.previousContactId`: for a queued callback, the contact that created it. */
  readonly previousContactId: string | undefined;
  /** `detail.initialContactId`: the first contact of the chain. */
  readonly initialContactId: string | undefined;
  /** `detail.agentInfo.connectedToAgentTimestamp`: an agent accepted the callback. */
  readonly connectedToAgentAt: string | undefined;
  /** `detail.connectedToSystemTimestamp`: for CALLBACK, when the customer answered. */
  readonly connectedToSystemAt: string | undefined;
  /** `detail.disconnectTimestamp`. */
  readonly disconnectedAt: string | undefined;
  /** `detail.disconnectReason`, when Connect sends one (a code, never customer data). */
  readonly disconnectReason: string | undefined;
  /** The EventBridge envelope's `time`: when the event happened. */
  readonly time: string | undefined;
}

export type ReadEvent =
  { readonly ok: true; readonly event: ContactEvent } | { readonly ok: false; readonly reason: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value : undefined;

/**
 * A timestamp Connect actually set. Its samples fill unset ones with the epoch
 * (`1970-01-01T00:00:00.001Z`), which must not read as "the customer answered".
 */
function timestamp(value: unknown): string | undefined {
  const at = text(value);
  if (at === undefined) return undefined;
  const ms = Date.parse(at);
  return Number.isFinite(ms) && ms >= Date.UTC(2000, 0, 1) ? at : undefined;
}

/**
 * A disconnect reason code (CUSTOMER_DISCONNECT, EXPIRED, ...), as a string or `{ code }`: the
 * guide documents the field without fixing its form. Anything that is not a code is dropped.
 */
function reasonCode(value: unknown): string | undefined {
  const code = text(isObject(value) ? value.code : value);
  return code !== undefined && /^[A-Z][A-Z_]{0,63}$/.test(code) ? code : undefined;
}

/** Reads one EventBridge event; says which required field is missing instead of throwing. */
export function readContactEvent(envelope: unknown): ReadEvent {
  if (!isObject(envelope) || !isObject(envelope.detail)) return { ok: false, reason: "no detail object" };
  const detail = envelope.detail;
  const eventType = text(detail.eventType);
  if (eventType === undefined) return { ok: false, reason: "detail.eventType missing" };
  const contactId = text(detail.contactId);
  if (contactId === undefined) return { ok: false, reason: "detail.contactId missing" };
  const initiationMethod = text(detail.initiationMethod);
  if (initiationMethod === undefined) return { ok: false, reason: "detail.initiationMethod missing" };
  const agent = isObject(detail.agentInfo) ? detail.agentInfo : undefined;
  return {
    ok: true,
    event: {
      eventType,
      contactId,
      initiationMethod,
      previousContactId: text(detail.previousContactId),
      initialContactId: text(detail.initialContactId),
      connectedToAgentAt: timestamp(agent?.connectedToAgentTimestamp),
      connectedToSystemAt: timestamp(detail.connectedToSystemTimestamp),
      disconnectedAt: timestamp(detail.disconnectTimestamp),
      disconnectReason: reasonCode(detail.disconnectReason),
      time: timestamp(envelope.time),
    },
  };
}
