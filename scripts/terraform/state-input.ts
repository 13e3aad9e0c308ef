/**
 * The state a plan starts from: a state file (`terraform state pull`, format version 4) or the
 * output of `terraform show -json`, turned into a version 4 state file Terraform can plan against.
 * Objects of providers the offline engine cannot run are taken out (and reported), since terraform
 * refuses to plan a state whose providers it cannot start.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { SetAside } from "./offline-view";

export interface StateV4 {
  version: 4;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: Record<string, unknown>;
  resources: StateV4Resource[];
  check_results?: unknown;
}

export interface StateV4Resource {
  module?: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  provider: string;
  instances: Array<{
    index_key?: string | number;
    schema_version: number;
    attributes: Record<string, unknown>;
    sensitive_attributes: unknown[];
    dependencies?: string[];
  }>;
}

/** One object of `terraform show -json` (state values, or a plan's planned values / prior state). */
export interface ShowResource {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly schema_version?: number;
  readonly values: Record<string, unknown>;
  readonly sensitive_values?: unknown;
}

export interface ShowModule {
  readonly resources?: readonly ShowResource[];
  readonly child_modules?: readonly ShowModule[];
}

export interface ShowJson {
  readonly format_version?: string;
  readonly values?: { readonly root_module?: ShowModule };
}

/** Reads a state input, naming the file in every error. */
export function readStateInput(path: string): StateV4 | ShowJson {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      cause: error,
    });
  }
  if (text.trim() === "")
    throw new Error(`${path} is empty: expected a state file or terraform show -json output`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}); is the file complete?`, {
      cause: error,
    });
  }
  const object = json as Record<string, unknown>;
  if (object.version === 4 && Array.isArray(object.resources)) return object as unknown as StateV4;
  if (object.values !== undefined || object.format_version !== undefined) return object as ShowJson;
  if (typeof object.version === "number") {
    throw new Error(`${path}: state format version ${object.version}; terraform >= 0.12 writes version 4`);
  }
  throw new Error(`${path}: neither a state file (version 4) nor terraform show -json output`);
}

export function isStateV4(input: unknown): input is StateV4 {
  return (input as StateV4 | undefined)?.version === 4 && Array.isArray((input as StateV4).resources);
}

/** `module.a.module.b.aws_x.y[0]` → `module.a.module.b` (undefined at the root). */
function moduleOf(address: string): string | undefined {
  const parts = address.match(/module\.[^.[]+(\[[^\]]*\])?/g);
  if (!parts) return undefined;
  const prefix: string[] = [];
  let rest = address;
  for (const part of parts) {
    if (!rest.startsWith(`${part}.`)) break;
    prefix.push(part);
    rest = rest.slice(part.length + 1);
  }
  return prefix.length > 0 ? prefix.join(".") : undefined;
}

/** `terraform show -json` (state) → a version 4 state file. */
export function showToState(
  show: ShowJson,
  schemaVersions: Readonly<Record<string, number>>,
  terraformVersion: string,
): StateV4 {
  const resources = new Map<string, StateV4Resource>();
  const visit = (module: ShowModule | undefined): void => {
    for (const r of module?.resources ?? []) {
      const mod = moduleOf(r.address);
      const key = `${mod ?? ""}|${r.mode}|${r.type}|${r.name}`;
      let resource = resources.get(key);
      if (!resource) {
        resource = {
          ...(mod ? { module: mod } : {}),
          mode: r.mode,
          type: r.type,
          name: r.name,
          provider: `provider["${r.provider_name}"]`,
          instances: [],
        };
        resources.set(key, resource);
      }
      resource.instances.push({
        ...(r.index !== undefined ? { index_key: r.index } : {}),
        schema_version: r.schema_version ?? schemaVersions[r.type] ?? 0,
        attributes: r.values,
        sensitive_attributes: [],
      });
    }
    for (const child of module?.child_modules ?? []) visit(child);
  };
  visit(show.values?.root_module);
  if (resources.size === 0) {
    throw new Error("the terraform show -json output holds no resources under values.root_module");
  }
  const all = [...resources.values()];
  return {
    version: 4,
    terraform_version: terraformVersion,
    serial: 1,
    lineage: lineageOf(JSON.stringify(all.map((r) => [r.module, r.type, r.name]))),
    outputs: {},
    resources: all,
  };
}

/** A stable lineage (UUID-shaped) from the content, so the same input gives the same state file. */
export function lineageOf(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** State address of a resource: `module.m.aws_x.y` / `data.aws_x.y`. */
export function stateAddress(r: Pick<StateV4Resource, "module" | "mode" | "type" | "name">): string {
  const local = `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}`;
  return r.module ? `${r.module}.${local}` : local;
}

/**
 * Takes out objects `why` has a reason for (a provider with no offline binary, a type the mirror's
 * provider does not know); returns what is left and what was taken out.
 */
export function withoutUnplannable(
  state: StateV4,
  why: (resource: StateV4Resource) => string | undefined,
): { state: StateV4; setAside: SetAside[] } {
  const setAside: SetAside[] = [];
  const resources = state.resources.filter((r) => {
    const reason = why(r);
    if (reason) setAside.push({ address: `state ${stateAddress(r)}`, why: reason });
    return reason === undefined;
  });
  return { state: { ...state, resources }, setAside };
}

/** A version 4 state as `terraform show -json` would print it (for readers of that shape). */
export function stateToShow(state: StateV4): ShowJson {
  const resources = state.resources.flatMap((r) =>
    r.instances.map((instance) => {
      const key = instance.index_key;
      const index =
        key === undefined ? "" : typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
      return {
        address: `${stateAddress(r)}${index}`,
        mode: r.mode,
        type: r.type,
        name: r.name,
        ...(key !== undefined ? { index: key } : {}),
        provider_name: r.provider.replace(/^provider\["(.*)"\].*$/, "$1"),
        schema_version: instance.schema_version,
        values: instance.attributes,
      };
    }),
  );
  return { format_version: "1.0", values: { root_module: { resources } } };
}
