/**
 * A version 4 state file from a plan (`terraform show -json <planfile>`): every managed object as
 * the plan says it will be after apply, its unknowns filled by stand-ins.ts, and the data sources
 * Terraform read while planning (the plan's prior_state). Deterministic: objects sorted by
 * address, object keys sorted, the lineage derived from the content.
 */
import type { ProviderSchema, SchemaBlock } from "./engine";
import { fillUnknowns } from "./stand-ins";
import { lineageOf, type ShowModule, type StateV4, type StateV4Resource } from "./state-input";

type Json = Record<string, unknown>;

export interface PlannedChange {
  readonly address: string;
  readonly module_address?: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    readonly after_sensitive?: unknown;
  };
}

interface ConfigModule {
  readonly resources?: ReadonlyArray<{ readonly address: string; readonly provider_config_key?: string }>;
  readonly module_calls?: Readonly<Record<string, { readonly module: ConfigModule }>>;
}

export interface PlanForState {
  readonly terraform_version?: string;
  readonly resource_changes?: readonly PlannedChange[];
  readonly prior_state?: { readonly values?: { readonly root_module?: ShowModule } };
  readonly configuration?: {
    readonly provider_config?: Readonly<
      Record<string, { readonly alias?: string; readonly expressions?: Json }>
    >;
    readonly root_module?: ConfigModule;
  };
}

export interface StateFromPlanOptions {
  readonly schema: ProviderSchema;
  /** Region of the default provider when its configuration does not hold a constant. */
  readonly defaultRegion: string;
  readonly accountId: string;
  readonly terraformVersion: string;
  /** Per address, computed-only attributes rules filled in earlier rounds (updated in place). */
  readonly ruled: Map<string, Set<string>>;
}

export interface StateFromPlan {
  readonly state: StateV4;
  /** `address.attribute` of unknowns no rule names, filled with their type default. */
  readonly defaulted: readonly string[];
}

/** `module.a["x"].aws_b.c[0]` → `module.a.aws_b.c` (the configuration's address). */
export function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, "");
}

/** Provider alias of every configured resource, from the plan's configuration section. */
function aliases(plan: PlanForState): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const visit = (module: ConfigModule | undefined, prefix: string): void => {
    for (const r of module?.resources ?? []) {
      const key = (r.provider_config_key ?? "aws").replace(/^.*:/, "");
      out.set(`${prefix}${r.address}`, key.includes(".") ? key.split(".")[1] : undefined);
    }
    for (const [name, call] of Object.entries(module?.module_calls ?? {})) {
      visit(call.module, `${prefix}module.${name}.`);
    }
  };
  visit(plan.configuration?.root_module, "");
  return out;
}

function regionOf(plan: PlanForState, alias: string | undefined, fallback: string): string {
  const config = plan.configuration?.provider_config?.[alias ? `aws.${alias}` : "aws"];
  const region = (config?.expressions?.region as { constant_value?: unknown } | undefined)?.constant_value;
  return typeof region === "string" ? region : fallback;
}

/** State paths of sensitive values (`after_sensitive` true leaves). */
function sensitivePaths(sensitive: unknown, path: unknown[] = []): unknown[][] {
  if (sensitive === true) return [path];
  if (Array.isArray(sensitive)) {
    return sensitive.flatMap((s, i) =>
      sensitivePaths(s, [...path, { type: "index", value: { value: i, type: "number" } }]),
    );
  }
  if (sensitive && typeof sensitive === "object") {
    return Object.entries(sensitive).flatMap(([k, s]) =>
      sensitivePaths(s, [...path, { type: "get_attr", value: k }]),
    );
  }
  return [];
}

/** Objects with their keys sorted, all the way down: the same values, byte-identical JSON. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Json)[k])]),
    );
  }
  return value;
}

function moduleOf(address: string, type: string, name: string, mode: "managed" | "data"): string | undefined {
  const local = `${mode === "data" ? "data." : ""}${type}.${name}`;
  const at = configAddress(address).lastIndexOf(`.${local}`);
  if (at <= 0) return undefined;
  // The module part keeps its instance keys (module.a["x"]); only the resource's own index goes.
  const withoutIndex = address.replace(/\[[^\]]*\]$/, "");
  return withoutIndex.slice(0, withoutIndex.length - local.length - 1);
}

const providerString = (name: string, alias: string | undefined) =>
  `provider["${name}"]${alias ? `.${alias}` : ""}`;

export function stateFromPlan(plan: PlanForState, options: StateFromPlanOptions): StateFromPlan {
  const providerAlias = aliases(plan);
  const resources = new Map<string, StateV4Resource>();
  const defaulted: string[] = [];
  const add = (
    r: { address: string; mode: "managed" | "data"; type: string; name: string; provider_name: string },
    index: string | number | undefined,
    values: Json,
    sensitive: unknown,
  ) => {
    const schemas = r.mode === "data" ? options.schema.data_source_schemas : options.schema.resource_schemas;
    const module = moduleOf(r.address, r.type, r.name, r.mode);
    const key = `${module ?? ""}|${r.mode}|${r.type}|${r.name}`;
    let resource = resources.get(key);
    if (!resource) {
      resource = {
        ...(module ? { module } : {}),
        mode: r.mode,
        type: r.type,
        name: r.name,
        provider: providerString(r.provider_name, providerAlias.get(configAddress(r.address))),
        instances: [],
      };
      resources.set(key, resource);
    }
    resource.instances.push({
      ...(index !== undefined ? { index_key: index } : {}),
      schema_version: schemas[r.type]?.version ?? 0,
      attributes: sortKeys(values) as Json,
      sensitive_attributes: sensitivePaths(sensitive),
    });
  };

  for (const change of plan.resource_changes ?? []) {
    const { actions } = change.change;
    if (change.mode === "data" || (actions.length === 1 && actions[0] === "delete")) continue;
    const schema = options.schema.resource_schemas[change.type]?.block;
    if (!schema) throw new Error(`${change.address}: hashicorp/aws has no schema for ${change.type}`);
    const alias = providerAlias.get(configAddress(change.address));
    const recompute = options.ruled.get(change.address) ?? new Set<string>();
    const filled = fillUnknowns(
      change.type,
      schema as SchemaBlock,
      (change.change.after ?? {}) as Json,
      change.change.after_unknown as Json | undefined,
      {
        address: change.address,
        region: regionOf(plan, alias, options.defaultRegion),
        accountId: options.accountId,
      },
      recompute,
    );
    options.ruled.set(change.address, new Set([...recompute, ...filled.ruled]));
    defaulted.push(...filled.defaulted.map((a) => `${change.address}.${a}`));
    add(change, change.index, filled.values, change.change.after_sensitive);
  }

  // Data sources: what Terraform read while planning; one it could not read yet is filled by type.
  const read = new Set<string>();
  const visit = (module: ShowModule | undefined): void => {
    for (const r of module?.resources ?? []) {
      if (r.mode !== "data") continue;
      read.add(r.address);
      add(r, r.index, r.values, r.sensitive_values);
    }
    for (const c of module?.child_modules ?? []) visit(c);
  };
  visit(plan.prior_state?.values?.root_module);
  for (const change of plan.resource_changes ?? []) {
    if (change.mode !== "data" || read.has(change.address)) continue;
    const schema = options.schema.data_source_schemas[change.type]?.block;
    if (!schema) throw new Error(`${change.address}: hashicorp/aws has no schema for data ${change.type}`);
    const filled = fillUnknowns(
      change.type,
      schema as SchemaBlock,
      (change.change.after ?? {}) as Json,
      change.change.after_unknown as Json | undefined,
      { address: change.address, region: options.defaultRegion, accountId: options.accountId },
    );
    add(change, change.index, filled.values, change.change.after_sensitive);
  }

  const order = (r: StateV4Resource) => `${r.module ?? ""}\u0000${r.mode}\u0000${r.type}\u0000${r.name}`;
  const sorted = [...resources.values()].sort((a, b) =>
    order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0,
  );
  for (const r of sorted) {
    r.instances.sort((a, b) =>
      typeof a.index_key === "number" && typeof b.index_key === "number"
        ? a.index_key - b.index_key
        : String(a.index_key ?? "") < String(b.index_key ?? "")
          ? -1
          : 1,
    );
  }
  return {
    state: {
      version: 4,
      terraform_version: options.terraformVersion,
      serial: 1,
      lineage: lineageOf(JSON.stringify(sorted)),
      outputs: {},
      resources: sorted,
    },
    defaulted,
  };
}
