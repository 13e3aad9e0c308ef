import { Testing, TerraformStack } from "cdktf";
import { ContactFlow } from "../contact-flow";
import { ContactFlowModule } from "../contact-flow-module";
import { ContactFlows, FLOW_QUEUE_NAMES } from "../contact-flows";
import { METADATA_TYPE_TO_FLOW_TYPE, type FlowType } from "../types";
import { isObject } from "../validator/values";

/**
 * The shipped flows as the stack wires them: `ContactFlows` is built with recognisable ids, and
 * every queue, Lambda, bot, hours, flow and module reference in the rendered content is replaced
 * by a label (`queue:FraudQueue`, `flow:callback_flow`, `module:auth_module_flow`, `lambda:auth`).
 * So a template edit or a rewiring in contact-flows.ts is what the simulator and diagrams see.
 */

export interface SimAction {
  readonly Identifier: string;
  readonly Type: string;
  readonly Parameters: Readonly<Record<string, unknown>>;
  readonly Transitions: {
    readonly NextAction?: string;
    readonly Errors?: readonly { readonly ErrorType: string; readonly NextAction: string }[];
    readonly Conditions?: readonly {
      readonly NextAction: string;
      readonly Condition: { readonly Operator: string; readonly Operands: readonly string[] };
    }[];
  };
}

export interface SimFlow {
  /** Template base name, e.g. `voice_ivr_flow`. */
  readonly name: string;
  readonly template: string;
  readonly type: FlowType;
  readonly description: string;
  readonly startAction: string;
  readonly actions: readonly SimAction[];
  readonly byId: ReadonlyMap<string, SimAction>;
}

export type FlowSet = ReadonlyMap<string, SimFlow>;

const ACCOUNT = "111111111111";
const INSTANCE = "00000000-0000-4000-8000-000000000000";
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Real-shaped values the validator accepts, and the label each stands for. */
function symbolicProps() {
  const labels = new Map<string, string>();
  const label = <T extends string>(value: T, name: string): T => {
    labels.set(value, name);
    return value;
  };
  const queueArns = Object.fromEntries(
    FLOW_QUEUE_NAMES.map((name, i) => [
      name,
      label(
        `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/queue/${uuid(i + 1)}`,
        `queue:${name}`,
      ),
    ]),
  ) as Record<(typeof FLOW_QUEUE_NAMES)[number], string>;
  const bot = (id: string) =>
    label(`arn:aws:lex:eu-west-2:${ACCOUNT}:bot-alias/${id}/LIVEALIAS1`, `bot:${id}`);
  const lambda = (name: string) =>
    label(`arn:aws:lambda:eu-west-2:${ACCOUNT}:function:${name}`, `lambda:${name}`);
  return {
    labels,
    props: {
      instanceId: INSTANCE,
      queueArns,
      hoursOfOperationId: label(uuid(100), "hours:main"),
      botAliasArns: { gateway: bot("GatewayBot"), banking: bot("BankingBot"), sales: bot("SalesBot") },
      lambdaArns: { auth: lambda("auth"), callback: lambda("callback") },
    },
  };
}

/** Replace every labelled value inside a JSON string value (whole-string or embedded). */
function relabel(value: unknown, labels: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") {
    let out = value;
    for (const [raw, name] of labels) out = out.split(raw).join(name);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => relabel(v, labels));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relabel(v, labels)]));
  return value;
}

/**
 * Canary share the walk renders with: between 1 and 99 so the router flow and the original entry
 * flow are both part of the set (at 0 or 100 the stack routes the numbers straight to one flow).
 */
export const SIMULATED_CANARY_PERCENT = 10;
const cached = new Map<number, FlowSet>();

/** Build (once per process and share) the flow set from the shipped templates and the stack's wiring. */
export function loadFlowSet(canaryPercent: number = SIMULATED_CANARY_PERCENT): FlowSet {
  const hit = cached.get(canaryPercent);
  if (hit !== undefined) return hit;
  const stack = new TerraformStack(Testing.app(), "flow-simulation");
  const { labels, props } = symbolicProps();
  const flows = new ContactFlows(stack, "Flows", { ...props, canaryPercent });
  const members = Object.values(flows as unknown as Record<string, unknown>).filter(
    (m): m is ContactFlow | ContactFlowModule => m instanceof ContactFlow || m instanceof ContactFlowModule,
  );
  // Templates name themselves in Metadata.name (the template's base name).
  const parsed = new Map(members.map((m) => [m, JSON.parse(m.content) as Record<string, unknown>] as const));
  const metadataOf = (m: ContactFlow | ContactFlowModule): Record<string, unknown> => {
    const metadata = parsed.get(m)?.["Metadata"];
    return isObject(metadata) ? metadata : {};
  };
  for (const m of members) {
    const name = String(metadataOf(m)["name"] ?? m.node.id);
    if (m instanceof ContactFlow) labels.set(m.arn, `flow:${name}`);
    else labels.set(m.contactFlowModuleId, `module:${name}`);
  }
  const set = new Map<string, SimFlow>();
  for (const m of members) {
    const metadata = metadataOf(m);
    const name = String(metadata["name"] ?? m.node.id);
    const content = relabel(parsed.get(m), labels) as Record<string, unknown>;
    const actions = (content["Actions"] as SimAction[]).map((a) => ({
      ...a,
      Parameters: a.Parameters ?? {},
    }));
    set.set(name, {
      name,
      template: `${name}.json.tftpl`,
      type: METADATA_TYPE_TO_FLOW_TYPE[String(metadata["type"])] ?? "CONTACT_FLOW",
      description: String(metadata["description"] ?? ""),
      startAction: String(content["StartAction"]),
      actions,
      byId: new Map(actions.map((a) => [a.Identifier, a])),
    });
  }
  cached.set(canaryPercent, set);
  return set;
}
