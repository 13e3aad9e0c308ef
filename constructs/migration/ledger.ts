/**
 * Accounts for every address of the original HCL state in a synthesized stack, so a migration
 * never plans to destroy something nobody decided about. Pure: input is the state list text and
 * the parsed cdk.tf.json. Addresses match exactly, as Terraform matches them: a `moved` block from
 * `x.this[0]` does not carry `x.this`, and the reverse.
 */

export type Disposition =
  /** Same address in the new configuration. */
  | "kept"
  /** A `moved` block renames it (module or for_each key → our address). */
  | "moved"
  /** A `removed` block forgets (or destroys) it on purpose, with a reason. */
  | "removed"
  /** A data source: re-read on every plan, nothing to migrate. */
  | "data"
  /** No decision: Terraform would plan to destroy it. */
  | "unaccounted";

export const DISPOSITIONS: readonly Disposition[] = ["unaccounted", "removed", "moved", "kept", "data"];

export interface LedgerEntry {
  readonly address: string;
  readonly disposition: Disposition;
  /** New address (moved) or removal reason. */
  readonly detail?: string;
}

export interface MovedBlockJson {
  readonly from: string;
  readonly to: string;
}

export interface RemovedBlockJson {
  readonly from: string;
  readonly lifecycle?: { readonly destroy?: boolean };
  readonly "//"?: { readonly reason?: string };
}

export interface SynthesizedConfig {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly moved?: readonly MovedBlockJson[];
  readonly removed?: readonly RemovedBlockJson[];
}

const DATA_SOURCE = /(^|\.)data\.[^.]+\.[^.]+$/;

/** `x.y["k"]` → `x.y`; `module.m.x.y[0]` → `module.m.x.y`. Only the resource's own instance key. */
function resourceOf(address: string): string {
  return address.replace(/\[[^\]]*\]$/, "");
}

/**
 * Whether a `removed` block covers a state address. Terraform's `removed.from` names a resource
 * (all its instances) or a module (everything below it), never one instance.
 */
function removes(from: string, address: string): boolean {
  return from === resourceOf(address) || address.startsWith(`${from}.`) || address.startsWith(`${from}[`);
}

export function parseStateList(text: string): string[] {
  const addresses = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
  const wildcard = addresses.find((a) => a.includes("[*]"));
  if (wildcard !== undefined) {
    throw new Error(
      `state list: "${wildcard}" is not a state address; use the exact output of terraform state list (one line per instance)`,
    );
  }
  return addresses;
}

export function declaredResources(config: SynthesizedConfig): Set<string> {
  const declared = new Set<string>();
  for (const [type, byName] of Object.entries(config.resource ?? {})) {
    for (const name of Object.keys(byName)) declared.add(`${type}.${name}`);
  }
  return declared;
}

export function buildLedger(stateList: readonly string[], config: SynthesizedConfig): LedgerEntry[] {
  const declared = declaredResources(config);
  const moved = config.moved ?? [];
  const removed = config.removed ?? [];
  return stateList.map((address): LedgerEntry => {
    if (DATA_SOURCE.test(resourceOf(address))) return { address, disposition: "data" };
    const removal = removed.find((r) => removes(r.from, address));
    if (removal) return { address, disposition: "removed", detail: removal["//"]?.reason };
    const move = moved.find((m) => m.from === address);
    if (move) return { address, disposition: "moved", detail: move.to };
    // A declared resource without count/for_each has exactly one instance, at its bare address.
    if (declared.has(address)) return { address, disposition: "kept" };
    return { address, disposition: "unaccounted" };
  });
}

/**
 * `moved` blocks whose source is not in the state: Terraform skips them, so they account for
 * nothing. Kept in the configuration where a non-default variable of the original creates the
 * source (alarm e-mail subscriptions, intents from tfvars); listed so a reviewer sees them.
 */
export function noOpMoves(stateList: readonly string[], config: SynthesizedConfig): MovedBlockJson[] {
  const inState = new Set(stateList);
  return (config.moved ?? []).filter((m) => !inState.has(m.from));
}

/** `removed` blocks that match no address of the state. */
export function noOpRemovals(stateList: readonly string[], config: SynthesizedConfig): RemovedBlockJson[] {
  return (config.removed ?? []).filter((r) => !stateList.some((address) => removes(r.from, address)));
}

export function summarize(entries: readonly LedgerEntry[]): Record<Disposition, number> {
  const counts: Record<Disposition, number> = { kept: 0, moved: 0, removed: 0, data: 0, unaccounted: 0 };
  for (const entry of entries) counts[entry.disposition]++;
  return counts;
}
