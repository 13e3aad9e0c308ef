import { specFor } from "./validator/actions";
import { isObject } from "./validator/values";
import { FLOW_TYPES, METADATA_TYPE_TO_FLOW_TYPE, type FlowType } from "./types";

/** The flow type a content declares or implies, and why (printed by the CLI). */
export interface FlowTypeResolution {
  readonly type: FlowType;
  /** True when `Metadata.type` names it. */
  readonly declared: boolean;
  /** Human reason: `Metadata.type "customerQueue"`, `actions: EndFlowExecution`, ... */
  readonly basis: string;
}

/** When several flow types allow every action: the one a flow file most often is, first. */
const PREFERENCE: readonly FlowType[] = [
  "CONTACT_FLOW",
  "AGENT_TRANSFER",
  "QUEUE_TRANSFER",
  // Whispers before queue flows: EndFlowExecution alone fits both, and queue flows nearly always
  // carry a queue-only action (MessageParticipantIteratively, GetParticipantInput, Dequeue...).
  "AGENT_WHISPER",
  "CUSTOMER_WHISPER",
  "OUTBOUND_WHISPER",
  "CUSTOMER_QUEUE",
  "CUSTOMER_HOLD",
  "AGENT_HOLD",
  "CAMPAIGN",
];

/**
 * Flow type from the actions alone: the preferred type among those that allow every action
 * (flow-type restrictions in validator/actions.ts), naming the actions that narrowed the choice.
 */
function inferFromActions(content: Readonly<Record<string, unknown>>): FlowTypeResolution {
  const actions = Array.isArray(content["Actions"]) ? (content["Actions"] as unknown[]) : [];
  let candidates: readonly FlowType[] = FLOW_TYPES.filter((t) => t !== "MODULE");
  const narrowing = new Set<string>();
  for (const action of actions) {
    const type = isObject(action) && typeof action["Type"] === "string" ? action["Type"] : undefined;
    const allowed = specFor(type)?.flowTypes;
    if (type === undefined || allowed === undefined) continue;
    const next = candidates.filter((t) => allowed.includes(t));
    if (next.length === 0) {
      return {
        type: "CONTACT_FLOW",
        declared: false,
        basis: `default; no flow type allows every action (${type})`,
      };
    }
    if (next.length < candidates.length) narrowing.add(type);
    candidates = next;
  }
  const type = PREFERENCE.find((t) => candidates.includes(t)) ?? "CONTACT_FLOW";
  if (narrowing.size === 0)
    return { type, declared: false, basis: "default; no action restricts the flow type" };
  const others = candidates.filter((t) => t !== type);
  return {
    type,
    declared: false,
    basis: `inferred from actions ${[...narrowing].join(", ")}${others.length > 0 ? `; also possible: ${others.join(", ")}` : ""}`,
  };
}

/**
 * Flow type a content declares: `Metadata.type` (console camelCase, e.g. "customerQueue"),
 * else MODULE when top-level Settings is present, else inferred from the actions it contains.
 * Returns an error string when Metadata.type is present but not a known type.
 */
export function declaredFlowType(content: unknown): FlowTypeResolution | { error: string } {
  const metadata = isObject(content) ? content["Metadata"] : undefined;
  const declared = isObject(metadata) ? metadata["type"] : undefined;
  if (declared !== undefined) {
    const type = typeof declared === "string" ? METADATA_TYPE_TO_FLOW_TYPE[declared] : undefined;
    if (type === undefined) {
      return {
        error: `Metadata.type ${JSON.stringify(declared)} is not one of ${Object.keys(METADATA_TYPE_TO_FLOW_TYPE).join(", ")}`,
      };
    }
    return { type, declared: true, basis: `Metadata.type ${JSON.stringify(declared)}` };
  }
  if (!isObject(content)) return { type: "CONTACT_FLOW", declared: false, basis: "default" };
  if (content["Settings"] !== undefined)
    return { type: "MODULE", declared: false, basis: "top-level Settings" };
  return inferFromActions(content);
}
