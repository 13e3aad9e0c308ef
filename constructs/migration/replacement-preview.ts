/**
 * Predicts, from real state (`terraform show -json`) and the synthesized stack, which carried-over
 * resources Terraform would replace: a changed force-new argument or nested path (force-new.ts,
 * read from the providers' source) or a changed provider region. Offline and provider-free: the
 * fallback when no terraform binary and plugin mirror can plan for real. Pure.
 */
import { FORCE_NEW, STATEFUL_TYPES, type ForceNewArgument } from "./force-new";
import type { IntendedReplacement } from "./intended-replacements";
import { buildLedger, type SynthesizedConfig } from "./ledger";

/** One resource of `terraform show -json` (`values.root_module`, child modules flattened). */
export interface StateResource {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly provider_name?: string;
  readonly values: Record<string, unknown>;
}

interface StateModule {
  readonly resources?: readonly StateResource[];
  readonly child_modules?: readonly StateModule[];
}

export interface ShowJson {
  readonly values?: { readonly root_module?: StateModule };
}

export interface Replacement {
  readonly address: string;
  readonly from: string;
  readonly attribute: string;
  readonly old: unknown;
  readonly new: unknown;
  /** Holds data or serves traffic (force-new.ts STATEFUL_TYPES). */
  readonly stateful: boolean;
  /** Why, when the replacement is intended. */
  readonly intended?: string;
}

export interface StackConfig extends SynthesizedConfig {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, ReadonlyArray<Record<string, unknown>>>;
}

/** Shown for a value Terraform only knows after apply. */
export const UNKNOWN = "(known after apply)";

export function flattenState(show: ShowJson): StateResource[] {
  const out: StateResource[] = [];
  const visit = (module: StateModule | undefined): void => {
    if (!module) return;
    out.push(...(module.resources ?? []));
    for (const child of module.child_modules ?? []) visit(child);
  };
  visit(show.values?.root_module);
  if (out.length === 0) {
    throw new Error(
      "state JSON has no resources under values.root_module: pass the output of terraform show -json",
    );
  }
  return out;
}

/** `aws_x.y` → type, `module.m.aws_x.y[0]` → aws_x. */
function typeOf(address: string): string {
  const parts = address.replace(/\[[^\]]*\]$/, "").split(".");
  return parts[parts.length - 2]!;
}

/**
 * Resolves `${type.name.attr}` references of the configuration against the state: a reference to
 * a carried-over resource (or a data source) has the value the state holds for its old address.
 */
class Resolver {
  constructor(
    private readonly state: ReadonlyMap<string, StateResource>,
    private readonly oldAddressOf: ReadonlyMap<string, string>,
  ) {}

  resolve(value: unknown): unknown {
    if (typeof value === "string") return this.template(value);
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => k !== "//")
          .map(([k, v]) => [k, this.resolve(v)]),
      );
    }
    return value;
  }

  private template(text: string): unknown {
    if (!text.includes("${")) return text;
    const whole = /^\$\{([^${}]+)\}$/.exec(text);
    if (whole) return this.reference(whole[1]!);
    let unknown = false;
    const out = text.replace(/(?<!\$)\$\{([^${}]+)\}/g, (_m, ref: string) => {
      const v = this.reference(ref);
      if (v === UNKNOWN || (typeof v !== "string" && typeof v !== "number")) unknown = true;
      return String(v);
    });
    return unknown ? UNKNOWN : out.replace(/\$\$\{/g, "${");
  }

  private reference(ref: string): unknown {
    const m = /^((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(ref.trim());
    if (!m) return UNKNOWN;
    const address = m[1]!.startsWith("data.") ? m[1]! : this.oldAddressOf.get(m[1]!);
    const found = address === undefined ? undefined : this.state.get(address)?.values[m[2]!];
    return found === undefined || found === null ? UNKNOWN : found;
  }
}

/**
 * Comparable form: keys sorted, and what SDKv2 treats as unset (null, "", [], false, 0) dropped,
 * as its diff does; `unordered` sorts every list (a set in the schema).
 */
function normalize(value: unknown, unordered = false): unknown {
  if (value === undefined || value === null || value === "" || value === false || value === 0) return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    const items = value.map((v) => normalize(v, unordered));
    return unordered ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, normalize((value as Record<string, unknown>)[k], unordered)])
        .filter(([, v]) => v !== null),
    );
  }
  return value;
}

/** Terraform JSON writes one nested block as an object, state as a one-element list. */
function canonical(value: unknown, unordered = false): string {
  const v = normalize(value, unordered);
  return JSON.stringify(v !== null && typeof v === "object" && !Array.isArray(v) ? [v] : v);
}

/**
 * Element by element (in any order for a set); a block that leaves the argument unset and no
 * block at all are alike.
 */
function differ(old: readonly unknown[], next: readonly unknown[], unordered = false): boolean {
  const length = Math.max(old.length, next.length);
  const keys = (values: readonly unknown[]) => {
    const all = Array.from({ length }, (_, i) => canonical(values[i], unordered));
    return unordered ? all.sort() : all;
  };
  return keys(old).join("\n") !== keys(next).join("\n");
}

function elements(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The values at a force-new path: one for `name`, one per nested block element for `a.*.b`
 * (`fallback` for an element that leaves the argument out).
 */
function valuesAt(value: unknown, segments: readonly string[], fallback?: unknown): unknown[] {
  const [head, ...rest] = segments;
  if (head === undefined) return [value];
  if (head === "*") return elements(value).flatMap((element) => valuesAt(element, rest, fallback));
  const next =
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)[head]
      : undefined;
  return rest.length === 0 ? [next ?? fallback] : valuesAt(next, rest, fallback);
}

function holdsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(holdsUnknown);
  return value !== null && typeof value === "object" && Object.values(value).some(holdsUnknown);
}

/** Whether Terraform replaces on this argument, from its state values to its planned values. */
function forcesNew(arg: ForceNewArgument, old: unknown[], next: unknown[]): boolean {
  if (arg.computed) {
    // Left out where it is not configured: the state's value stays.
    if (next.every((v) => v === undefined)) return false;
    next = next.map((v, i) => (v === undefined ? old[i] : v));
  }
  if (holdsUnknown(next)) return true;
  const empty = (values: unknown[]) =>
    normalize(values) === null || values.every((v) => normalize(v) === null);
  switch (arg.when) {
    case "presence":
      return empty(old) !== empty(next);
    case "set":
      return !empty(next) && differ(old, next);
    case "decrease":
      return next.some((v, i) => typeof v === "number" && v !== 0 && v < Number(old[i]));
    default:
      return differ(old, next, arg.unordered);
  }
}

/** Region of a state object: its `region` argument (aws 6) or the region field of its ARN. */
function stateRegion(values: Record<string, unknown>): string | undefined {
  if (typeof values.region === "string" && values.region) return values.region;
  for (const key of ["arn", "guardrail_arn"]) {
    const arn = values[key];
    if (typeof arn === "string") return arn.split(":")[3] || undefined;
  }
  return undefined;
}

function configRegion(type: string, body: Record<string, unknown>, config: StackConfig): string | undefined {
  if (typeof body.region === "string") return body.region;
  const providerName = type.split("_")[0]!;
  const ref = typeof body.provider === "string" ? body.provider : providerName;
  const [name, alias] = ref.split(".");
  const provider = (config.provider?.[name!] ?? []).find((p) => p.alias === alias);
  return typeof provider?.region === "string" ? provider.region : undefined;
}

export function previewReplacements(
  show: ShowJson,
  config: StackConfig,
  intended: readonly IntendedReplacement[] = [],
): Replacement[] {
  const stateResources = flattenState(show);
  const state = new Map(stateResources.map((r) => [r.address, r]));
  const managed = stateResources.filter((r) => r.mode === "managed").map((r) => r.address);
  const pairs: Array<[newAddress: string, oldAddress: string]> = buildLedger(managed, config).flatMap(
    (entry) =>
      entry.disposition === "kept"
        ? [[entry.address, entry.address] as [string, string]]
        : entry.disposition === "moved"
          ? [[entry.detail!, entry.address] as [string, string]]
          : [],
  );
  // Intended replacements through removed + new resource are compared like moves.
  for (const i of intended) {
    if (i.from && state.has(i.from) && !pairs.some(([, old]) => old === i.from))
      pairs.push([i.address, i.from]);
  }
  const resolver = new Resolver(state, new Map(pairs));

  const out: Replacement[] = [];
  for (const [address, from] of pairs) {
    const type = typeOf(address);
    const table = FORCE_NEW[type];
    if (!table) {
      throw new Error(
        `no force-new table for ${type} (${address}): add its replacing arguments from the provider source to constructs/migration/force-new.ts`,
      );
    }
    const [, name] = /\.([^.]+)$/.exec(address)!;
    const body = config.resource?.[type]?.[name!];
    const old = state.get(from)!.values;
    if (!body) continue;
    const found = (attribute: string, oldValue: unknown, newValue: unknown): void => {
      const reason = intended.find(
        (i) => i.address === address && (i.attribute === undefined || i.attribute === attribute),
      )?.reason;
      out.push({
        address,
        from,
        attribute,
        old: oldValue ?? null,
        new: newValue ?? null,
        stateful: STATEFUL_TYPES.has(type),
        ...(reason ? { intended: reason } : {}),
      });
    };
    const resolved = resolver.resolve(body) as Record<string, unknown>;
    for (const arg of table) {
      const segments = arg.path.split(".");
      const before = valuesAt(old, segments);
      const after = valuesAt(resolved, segments, arg.default);
      if (!forcesNew(arg, before, after)) continue;
      if (segments.includes("*")) found(arg.path, before, after);
      else found(arg.path, before[0], after[0]);
    }
    const oldRegion = stateRegion(old);
    const newRegion = configRegion(type, body, config);
    if (oldRegion && newRegion && oldRegion !== newRegion) found("region", oldRegion, newRegion);
  }
  return out;
}

/** `REPLACE <new> (<old>): <attribute> <old> -> <new>`, or INTENDED with the reason. */
export function formatReplacement(r: Replacement): string {
  const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  const line = `${r.intended ? "INTENDED" : "REPLACE"} ${r.address} (${r.from}): ${r.attribute} ${show(r.old)} -> ${show(r.new)}`;
  return r.intended ? `${line}\n    ${r.intended}` : line;
}
