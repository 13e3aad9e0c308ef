import { basename } from "node:path";
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
 * Words in a flow's name that say its type, most specific first. Actions alone cannot tell a hold
 * flow from a customer queue flow, or one whisper from another (the default agent hold, customer
 * hold and customer queue flows are each one MessageParticipantIteratively), so the name the flow
 * was exported under decides among the types its actions allow.
 */
const NAME_HINTS: readonly { readonly words: readonly string[]; readonly types: readonly FlowType[] }[] = [
  { words: ["agent", "hold"], types: ["AGENT_HOLD"] },
  { words: ["customer", "hold"], types: ["CUSTOMER_HOLD"] },
  { words: ["agent", "whisper"], types: ["AGENT_WHISPER"] },
  { words: ["customer", "whisper"], types: ["CUSTOMER_WHISPER"] },
  { words: ["outbound", "whisper"], types: ["OUTBOUND_WHISPER"] },
  { words: ["agent", "transfer"], types: ["AGENT_TRANSFER"] },
  { words: ["queue", "transfer"], types: ["QUEUE_TRANSFER"] },
  { words: ["customer", "queue"], types: ["CUSTOMER_QUEUE"] },
  { words: ["hold"], types: ["CUSTOMER_HOLD", "AGENT_HOLD"] },
  { words: ["whisper"], types: ["AGENT_WHISPER", "CUSTOMER_WHISPER", "OUTBOUND_WHISPER"] },
];

/** `default_agent_hold.json`, `Default agent hold`, `agentHold` → agent, hold (and the rest). */
function nameWords(name: string): Set<string> {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return new Set(spaced.split(/[^a-z0-9]+/).filter((w) => w.length > 0));
}

/** The first name (Metadata.name, then the file name) whose words narrow `candidates`. */
function typeFromNames(
  names: readonly string[],
  candidates: readonly FlowType[],
): { readonly type: FlowType; readonly name: string } | undefined {
  for (const name of names) {
    const words = nameWords(name);
    for (const hint of NAME_HINTS) {
      if (!hint.words.every((w) => words.has(w))) continue;
      const type = PREFERENCE.find((t) => hint.types.includes(t) && candidates.includes(t));
      if (type !== undefined) return { type, name };
    }
  }
  return undefined;
}

/**
 * Flow type from the actions: the types that allow every action (flow-type restrictions in the
 * validator catalogue), then the flow's name among them, else the preferred one; the basis names
 * the actions that narrowed the choice and the name that decided it.
 */
function inferFromActions(
  content: Readonly<Record<string, unknown>>,
  names: readonly string[],
): FlowTypeResolution {
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
  const named = typeFromNames(names, candidates);
  const type = named?.type ?? PREFERENCE.find((t) => candidates.includes(t)) ?? "CONTACT_FLOW";
  const others = candidates.filter((t) => t !== type);
  const restricting =
    narrowing.size === 0 ? "no action restricts the flow type" : `actions ${[...narrowing].join(", ")}`;
  const also = others.length > 0 ? `; also possible: ${others.join(", ")}` : "";
  if (named !== undefined)
    return {
      type,
      declared: false,
      basis: `inferred from the name ${JSON.stringify(named.name)} and ${restricting}${also}`,
    };
  if (narrowing.size === 0) return { type, declared: false, basis: `default; ${restricting}` };
  return { type, declared: false, basis: `inferred from ${restricting}${also}` };
}

/**
 * Flow type a content declares: `Metadata.type` (console camelCase, e.g. "customerQueue"),
 * else MODULE when top-level Settings is present, else inferred from the actions it contains and
 * its name (`Metadata.name`, else `fileName`, e.g. `default_agent_hold.json`).
 * Returns an error string when Metadata.type is present but not a known type.
 */
export function declaredFlowType(
  content: unknown,
  fileName?: string,
): FlowTypeResolution | { error: string } {
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
  const metadataName =
    isObject(metadata) && typeof metadata["name"] === "string" ? metadata["name"] : undefined;
  const baseName = fileName === undefined ? undefined : basename(fileName).replace(/\.json(\.tftpl)?$/, "");
  return inferFromActions(
    content,
    [metadataName, baseName].filter((n): n is string => n !== undefined),
  );
}
