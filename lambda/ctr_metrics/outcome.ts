import type { ContactRecord } from "./contact-record";

/**
 * What one contact did in its queue, as the alarms count it (Connect's own definitions):
 * handled = an agent was connected; abandoned = the caller hung up while queued, before any agent.
 * A contact that left the queue any other way (transferred, callback, disconnected by a flow) is
 * neither, so it moves no rate.
 */
export type QueueOutcome =
  | {
      readonly kind: "handled" | "abandoned";
      readonly contactId: string;
      readonly instanceId: string;
      readonly queueName: string;
    }
  | { readonly kind: "none"; readonly contactId: string; readonly reason: string };

export function queueOutcome(record: ContactRecord): QueueOutcome {
  const { contactId, instanceId, queueName } = record;
  if (queueName === undefined) return { kind: "none", contactId, reason: "never queued" };
  if (record.connectedToAgent) return { kind: "handled", contactId, instanceId, queueName };
  if (record.disconnectReason === "CUSTOMER_DISCONNECT")
    return { kind: "abandoned", contactId, instanceId, queueName };
  return {
    kind: "none",
    contactId,
    reason: `left the queue without an agent (${record.disconnectReason ?? "no DisconnectReason"})`,
  };
}
