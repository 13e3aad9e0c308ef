import { loadEvent } from "./events";
import { CONTACT_ID } from "./connect-events";

/**
 * Contact events of a queued callback contact. The shape follows the Amazon Connect Administrator
 * Guide, "Amazon Connect contact events": its data model (eventType, contactId, initialContactId,
 * previousContactId, instanceArn, initiationMethod CALLBACK, agentInfo, queueInfo, timestamps) and
 * its two voice samples, "connected to an agent" and "disconnected" (camelCase detail inside the
 * EventBridge envelope). The values are this stack's: callback contact CALLBACK_CONTACT_ID was
 * created by CreateCallbackContact on REQUEST_CONTACT_ID (the contact of connect/base.json, by
 * which request_callback keys the record), so it is that contact's previousContactId.
 */
export const REQUEST_CONTACT_ID = CONTACT_ID;
export const CALLBACK_CONTACT_ID = "c4b1e2d3-7a8f-4e60-9b1c-2d3e4f5a6b70";

export type CallbackEventKind =
  "initiated" | "queued" | "connected" | "answered" | "unanswered" | "expired" | "completed";

/** One event of the callback contact's life, built from the two fixtures in events/callback/. */
export function callbackEvent(kind: CallbackEventKind): Record<string, any> {
  const connected = () => loadEvent("callback", "connected-to-agent");
  const disconnected = () => loadEvent("callback", "disconnected");
  switch (kind) {
    case "initiated": {
      const event = connected();
      Object.assign(event, { time: "2026-11-25T10:14:02Z" });
      Object.assign(event.detail, { eventType: "INITIATED" });
      delete event.detail.agentInfo;
      delete event.detail.queueInfo;
      return event;
    }
    case "queued": {
      const event = connected();
      Object.assign(event, { time: "2026-11-25T10:14:07Z" });
      Object.assign(event.detail, { eventType: "QUEUED" });
      delete event.detail.agentInfo;
      return event;
    }
    case "connected":
      return connected();
    case "answered":
      return disconnected();
    // An agent accepted, Connect dialled, the customer never answered.
    case "unanswered": {
      const event = disconnected();
      delete event.detail.connectedToSystemTimestamp;
      return event;
    }
    // The callback left the queue without an agent ever accepting it.
    case "expired": {
      const event = disconnected();
      delete event.detail.connectedToSystemTimestamp;
      delete event.detail.agentInfo;
      return event;
    }
    case "completed": {
      const event = disconnected();
      Object.assign(event, { time: "2026-11-25T10:27:10Z" });
      Object.assign(event.detail, { eventType: "COMPLETED" });
      return event;
    }
  }
}
