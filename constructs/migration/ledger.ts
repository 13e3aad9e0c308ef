/**
 * Accounts for every address of the original HCL state in a synthesized stack, so a migration
 * never plans to destroy something nobody decided about. Pure: input is the state list text and
 * the parsed cdk.tf.json.
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

export interface LedgerEntry {
  readonly address: string;
  readonly disposition: Disposition;
  /** New address (moved) or removal reason. */
  readonly detail?: string;
}

interface SynthesizedConfig {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly moved?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly removed?: ReadonlyArray<{ readonly from: string; readonly "//"?: { readonly reason?: string } }>;
}

/** `aws_x.y[*]` in `terraform state list` output stands for every instance of a for_each/count resource. */
function isCollection(address: string): boolean {
  return address.endsWith("[*]");
}

function baseAddress(address: string): string {
  return address.replace(/\[\*\]$/, "");
}

/** Strip instance keys: `aws_x.y["k"]` → `aws_x.y`, `module.m["k"].aws_x.y` → `module.m.aws_x.y`. */
function withoutKeys(address: string): string {
  return address.replace(/\[[^\]]*\]/g, "");
}

export function parseStateList(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
}

export function buildLedger(stateList: readonly string[], config: SynthesizedConfig): LedgerEntry[] {
  const kept = new Set<string>();
  for (const [type, byName] of Object.entries(config.resource ?? {})) {
    for (const name of Object.keys(byName)) kept.add(`${type}.${name}`);
  }
  const moved = config.moved ?? [];
  const removed = config.removed ?? [];

  return stateList.map((address): LedgerEntry => {
    const base = baseAddress(address);
    if (/(^|\.)data\.[^.]+\.[^.]+$/.test(withoutKeys(base))) return { address, disposition: "data" };

    const removal = removed.find((r) => r.from === base || r.from === withoutKeys(base));
    if (removal) return { address, disposition: "removed", detail: removal["//"]?.reason };

    if (isCollection(address)) {
      // Every instance must be covered: accept one moved block per key (`from` starts with `base[`)
      // or a kept for_each resource of the same address.
      const moves = moved.filter((m) => m.from.startsWith(`${base}[`) || m.from === base);
      if (moves.length > 0)
        return { address, disposition: "moved", detail: moves.map((m) => `${m.from} → ${m.to}`).join("; ") };
      if (kept.has(base)) return { address, disposition: "kept" };
      return { address, disposition: "unaccounted" };
    }

    // `terraform state list` lists count instances as `x.this[0]`; the reference list drops the index.
    const move = moved.find((m) => m.from === base || withoutKeys(m.from) === base);
    if (move) return { address, disposition: "moved", detail: move.to };
    if (kept.has(base)) return { address, disposition: "kept" };
    return { address, disposition: "unaccounted" };
  });
}

export function summarize(entries: readonly LedgerEntry[]): Record<Disposition, number> {
  const counts: Record<Disposition, number> = { kept: 0, moved: 0, removed: 0, data: 0, unaccounted: 0 };
  for (const entry of entries) counts[entry.disposition]++;
  return counts;
}
