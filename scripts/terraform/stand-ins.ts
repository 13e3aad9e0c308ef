/**
 * Values a plan leaves "known after apply", filled the way AWS and the provider's Create would set
 * them, so a state built from planned values looks like one built by `terraform apply`: ids in the
 * format the provider sets (a name, a UUID, `instance_id:queue_id`, …), ARNs in each service's
 * documented format, in the resource's provider region and the given account. Deterministic: every
 * generated part is derived from the resource address, never from time or randomness.
 *
 * Only computed attributes are filled here. Values that come from other resources (a role ARN in a
 * policy, a queue id in a quick connect) get a type default first; the generator then plans again
 * against the state and Terraform itself resolves those references (original-state.ts).
 */
import type { SchemaBlock } from "./engine";
import { COMMON_RULES, RESOURCE_RULES, type StandInContext } from "./stand-in-rules";

type CtyType = string | [string, unknown] | [string, unknown, unknown];

interface NestedType {
  readonly attributes: Record<string, AttributeSchema>;
  readonly nesting_mode: string;
}

interface AttributeSchema {
  readonly type?: unknown;
  readonly nested_type?: NestedType;
  readonly computed?: boolean;
  readonly optional?: boolean;
}

type Node =
  | { readonly kind: "type"; readonly type: CtyType; readonly computedOnly?: boolean }
  | { readonly kind: "block"; readonly block: SchemaBlock }
  | { readonly kind: "blocks"; readonly nesting: string; readonly block: SchemaBlock };

function attributeNode(schema: AttributeSchema): Node {
  if (schema.nested_type) {
    const block = { attributes: schema.nested_type.attributes } as SchemaBlock;
    return { kind: "blocks", nesting: schema.nested_type.nesting_mode, block };
  }
  const computedOnly = schema.computed === true && schema.optional !== true;
  return { kind: "type", type: (schema.type ?? "dynamic") as CtyType, computedOnly };
}

function child(node: Node, key: string | number): Node | undefined {
  if (node.kind === "block") {
    const attribute = (node.block.attributes as Record<string, AttributeSchema> | undefined)?.[key as string];
    if (attribute) return attributeNode(attribute);
    const nested = node.block.block_types?.[key as string];
    return nested ? { kind: "blocks", nesting: nested.nesting_mode, block: nested.block } : undefined;
  }
  if (node.kind === "blocks") return { kind: "block", block: node.block };
  const type = node.type;
  if (!Array.isArray(type)) return undefined;
  if (type[0] === "object")
    return { kind: "type", type: (type[1] as Record<string, CtyType>)[key as string]! };
  if (type[0] === "tuple") return { kind: "type", type: (type[1] as CtyType[])[key as number]! };
  return { kind: "type", type: type[1] as CtyType };
}

/** The value an unknown of this schema type gets when no rule names it. */
function typeDefault(node: Node): unknown {
  if (node.kind === "blocks") return node.nesting === "single" ? null : node.nesting === "map" ? {} : [];
  if (node.kind === "block") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node.block.attributes ?? {})) out[key] = typeDefault(child(node, key)!);
    for (const key of Object.keys(node.block.block_types ?? {})) out[key] = typeDefault(child(node, key)!);
    return out;
  }
  const type = node.type;
  if (type === "string") return "";
  if (type === "number") return 0;
  if (type === "bool") return false;
  if (!Array.isArray(type)) return null;
  if (type[0] === "list" || type[0] === "set" || type[0] === "tuple") return [];
  if (type[0] === "map") return {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(type[1] as object)) out[key] = typeDefault(child(node, key)!);
  return out;
}

/**
 * An ARN-named string that still waits for a reference: providers parse ARN attributes of the
 * prior state (the framework's ARN type refuses ""), so until the next round resolves it, it is a
 * well-formed ARN saying what it stands for.
 */
export const pendingArn = (context: Omit<StandInContext, "values">, attribute: string) =>
  `arn:aws:pending:${context.region}:${context.accountId}:reference/${attribute}`;

/** `after` with every unknown leaf (`after_unknown` true) replaced by its type default. */
function fillByType(
  value: unknown,
  unknown: unknown,
  node: Node | undefined,
  context: Omit<StandInContext, "values">,
  key?: string | number,
): unknown {
  if (unknown === true) {
    const fromConfig = node?.kind === "type" && node.type === "string" && !node.computedOnly;
    if (fromConfig && typeof key === "string" && /(^|_)arn$/.test(key)) {
      return pendingArn(context, key);
    }
    return node ? typeDefault(node) : null;
  }
  if (!node || unknown === null || typeof unknown !== "object") return value;
  if (Array.isArray(unknown)) {
    const items = Array.isArray(value) ? [...(value as unknown[])] : [];
    unknown.forEach((u, i) => (items[i] = fillByType(items[i], u, child(node, i), context, key)));
    return items;
  }
  const object = { ...((value ?? {}) as Record<string, unknown>) };
  for (const [k, u] of Object.entries(unknown))
    object[k] = fillByType(object[k], u, child(node, k), context, k);
  return object;
}

export interface FillResult {
  readonly values: Record<string, unknown>;
  /** Top-level attributes a rule filled. */
  readonly ruled: readonly string[];
  /** Unknown top-level attributes no rule names: filled with their type default. */
  readonly defaulted: readonly string[];
}

/** Computed-only attributes: no configuration can set them, so a rule may always recompute them. */
export function computedOnly(block: SchemaBlock, attribute: string): boolean {
  const a = (block.attributes as Record<string, AttributeSchema> | undefined)?.[attribute];
  return a?.computed === true && a.optional !== true;
}

/**
 * Fills the unknowns of one planned object. `recompute` names computed-only attributes filled by a
 * rule in an earlier round: they are derived again from the current values, since what they were
 * derived from (an instance id in a queue's ARN) may have been resolved by Terraform since.
 */
export function fillUnknowns(
  type: string,
  schema: SchemaBlock,
  after: Record<string, unknown>,
  afterUnknown: Record<string, unknown> | undefined,
  context: Omit<StandInContext, "values">,
  recompute: ReadonlySet<string> = new Set(),
): FillResult {
  const unknown = afterUnknown ?? {};
  const values = fillByType(after, unknown, { kind: "block", block: schema }, context) as Record<
    string,
    unknown
  >;
  const ruled: string[] = [];
  for (const [attribute, rule] of [...(RESOURCE_RULES[type] ?? []), ...COMMON_RULES]) {
    const nested = /^(\w+)\[\*\]\.(\w+)$/.exec(attribute);
    if (nested) {
      // A leaf in each element of a block list: filled only where the plan left it unknown.
      const [, block, leaf] = nested as unknown as [string, string, string];
      const unknowns = unknown[block];
      const items = values[block];
      if (!Array.isArray(unknowns) || !Array.isArray(items)) continue;
      unknowns.forEach((u, i) => {
        if ((u as Record<string, unknown> | null)?.[leaf] !== true) return;
        (items[i] as Record<string, unknown>)[leaf] = rule({ ...context, values });
      });
      continue;
    }
    const wasUnknown = unknown[attribute] === true;
    // SDKv2 declares `id` optional, but only the provider ever sets it.
    const derived = computedOnly(schema, attribute) || attribute === "id";
    if (!wasUnknown && !(recompute.has(attribute) && derived)) continue;
    values[attribute] = rule({ ...context, values });
    ruled.push(attribute);
  }
  const defaulted = Object.keys(unknown).filter((a) => unknown[a] === true && !ruled.includes(a));
  return { values, ruled, defaulted };
}
