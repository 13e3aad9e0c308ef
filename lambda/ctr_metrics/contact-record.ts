/**
 * The fields of an Amazon Connect contact record (CTR) the metrics need. Connect adds fields over
 * time and says consumers must ignore unknown ones, so only these are read and nothing else is
 * required. Customer data (phone numbers, attributes) is never copied out of the record.
 */
export interface ContactRecord {
  readonly contactId: string;
  /** Instance id from `InstanceARN` (the InstanceId dimension Connect itself uses). */
  readonly instanceId: string;
  /** `Queue.Name`, when the contact was put in a queue (`Queue.EnqueueTimestamp` set). */
  readonly queueName: string | undefined;
  /** `Agent.ConnectedToAgentTimestamp` is set: an agent took the contact. */
  readonly connectedToAgent: boolean;
  /** `DisconnectReason`, e.g. CUSTOMER_DISCONNECT, AGENT_DISCONNECT, CONTACT_FLOW_DISCONNECT. */
  readonly disconnectReason: string | undefined;
}

export type Decoded =
  { readonly ok: true; readonly record: ContactRecord } | { readonly ok: false; readonly reason: string };

const INSTANCE_ID = /:instance\/([A-Za-z0-9-]+)$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** Reads one parsed CTR; says which required field is missing or wrong instead of throwing. */
export function readContactRecord(json: unknown): Decoded {
  if (!isObject(json)) return { ok: false, reason: "record is not a JSON object" };
  const contactId = text(json.ContactId);
  if (contactId === undefined) return { ok: false, reason: "ContactId missing" };
  const instanceId = INSTANCE_ID.exec(text(json.InstanceARN) ?? "")?.[1];
  if (instanceId === undefined)
    return { ok: false, reason: "InstanceARN missing or not a Connect instance ARN" };

  const queue = isObject(json.Queue) ? json.Queue : undefined;
  const enqueued = queue !== undefined && text(queue.EnqueueTimestamp) !== undefined;
  const queueName = enqueued ? text(queue.Name) : undefined;
  if (enqueued && queueName === undefined)
    return { ok: false, reason: "Queue.Name missing on a queued contact" };

  const agent = isObject(json.Agent) ? json.Agent : undefined;
  return {
    ok: true,
    record: {
      contactId,
      instanceId,
      queueName,
      connectedToAgent: agent !== undefined && text(agent.ConnectedToAgentTimestamp) !== undefined,
      disconnectReason: text(json.DisconnectReason),
    },
  };
}

/** Kinesis `data` (base64 of the CTR JSON) → the record, or why it could not be read. */
export function decodeContactRecord(base64: string): Decoded {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(base64, "base64").toString("utf8"));
  } catch {
    return { ok: false, reason: "data is not base64-encoded JSON" };
  }
  return readContactRecord(json);
}
