import type { ContactEvent } from "./contact-event";

/**
 * States of a callbacks-table record. lex_fallback writes PENDING (the request); the rest come from
 * the contact events of the callback contact Connect creates for it (CreateCallbackContact).
 */
export const CALLBACK_STATES = [
  "PENDING",
  "CREATED",
  "QUEUED",
  "DIALLED",
  "EXPIRED",
  "FAILED",
  "DONE",
] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

/**
 * States only move up this order. Connect sends events unordered and at least once, so an event
 * that would move a record down or sideways is stale and changes nothing. EXPIRED and FAILED tie:
 * whichever ending arrives first stands. DONE outranks both: a later attempt that reached the
 * customer supersedes an earlier one that did not (MaximumConnectionAttempts > 1).
 */
export const RANK: Readonly<Record<CallbackState, number>> = {
  PENDING: 0,
  CREATED: 1,
  QUEUED: 2,
  DIALLED: 3,
  EXPIRED: 4,
  FAILED: 4,
  DONE: 5,
};

/** Every state a record may be in for `to` to be a move forward. */
export function predecessors(to: CallbackState): CallbackState[] {
  return CALLBACK_STATES.filter((state) => RANK[state] < RANK[to]);
}

/** One forward move of one callback request, as the store applies it. */
export interface Transition {
  /** Table keys (`callback_id`, the requesting contact's id) to try, in order. */
  readonly requestIds: readonly string[];
  readonly to: CallbackState;
  /** States the record must be in; anything else (later, equal, unknown) leaves it as it is. */
  readonly from: readonly CallbackState[];
  /** The callback contact the event is about. */
  readonly callbackContactId: string;
  readonly eventType: string;
  /** When it happened (the event's time), ISO-8601. */
  readonly at: string;
  readonly disconnectReason?: string;
}

export type Mapping =
  | { readonly kind: "transition"; readonly transition: Transition }
  | { readonly kind: "ignored"; readonly reason: string };

/**
 * How a callback contact ended. For CALLBACK contacts connectedToSystemTimestamp is when the
 * customer answered (contact events data model); an agent accepts before Connect dials.
 */
function ending(event: ContactEvent): CallbackState {
  if (event.connectedToAgentAt === undefined) return "EXPIRED";
  return event.connectedToSystemAt === undefined ? "FAILED" : "DONE";
}

/** The state an event of the callback contact announces, if it is one of the lifecycle's. */
function stateFor(event: ContactEvent): CallbackState | undefined {
  switch (event.eventType) {
    case "INITIATED":
      return "CREATED";
    case "QUEUED":
      return "QUEUED";
    // Agent-first callbacks: Connect dials the customer once an agent has accepted.
    case "CONNECTED_TO_AGENT":
      return "DIALLED";
    // COMPLETED follows DISCONNECTED (after any after-contact work) with the same data.
    case "DISCONNECTED":
    case "COMPLETED":
      return ending(event);
    default:
      return undefined;
  }
}

/**
 * Pure: the forward move an event asks for, or why it asks for none. The callback contact is a new
 * contact; its previousContactId is the contact that ran CreateCallbackContact, the one
 * request_callback keyed the record by. initialContactId is tried second, for a callback whose
 * previous contact is an earlier callback leg rather than the requester.
 */
export function transitionFor(event: ContactEvent, now: Date): Mapping {
  if (event.initiationMethod !== "CALLBACK")
    return { kind: "ignored", reason: `initiationMethod ${event.initiationMethod}` };
  const to = stateFor(event);
  if (to === undefined) return { kind: "ignored", reason: `eventType ${event.eventType}` };
  const requestIds = [...new Set([event.previousContactId, event.initialContactId])].filter(
    (id): id is string => id !== undefined && id !== event.contactId,
  );
  if (requestIds.length === 0) return { kind: "ignored", reason: "no previous or initial contact id" };
  return {
    kind: "transition",
    transition: {
      requestIds,
      to,
      from: predecessors(to),
      callbackContactId: event.contactId,
      eventType: event.eventType,
      at: event.time ?? now.toISOString(),
      ...(event.disconnectReason !== undefined ? { disconnectReason: event.disconnectReason } : {}),
    },
  };
}
