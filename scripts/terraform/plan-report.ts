/**
 * What Terraform's own plan (`terraform show -json <planfile>`) says would happen, judged the way a
 * migration must be: every replacement and destroy with the attribute paths that force it, and a
 * failure when something that holds data or serves traffic would be destroyed, or replaced without
 * being listed as intended. Pure: the plan JSON in, a report out.
 */
import type { IntendedReplacement } from "../../constructs/migration/intended-replacements";
import type { Mapped, SetAside } from "./offline-view";

type Action = "no-op" | "create" | "read" | "update" | "delete" | "forget";

export interface PlanJson {
  readonly terraform_version?: string;
  readonly resource_changes?: readonly ResourceChange[];
  readonly errored?: boolean;
}

export interface ResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly action_reason?: string;
  readonly change: {
    readonly actions: readonly Action[];
    readonly before?: unknown;
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    readonly replace_paths?: ReadonlyArray<ReadonlyArray<string | number>>;
  };
}

export interface AttributeChange {
  /** `name`, `local_secondary_index[0].name`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface Finding {
  readonly address: string;
  readonly previousAddress?: string;
  readonly type: string;
  /** Forcing paths of a replacement; empty for a destroy. */
  readonly paths: readonly AttributeChange[];
  /** Terraform's reason (`delete_because_no_resource_config`, `replace_because_cannot_update`, …). */
  readonly reason?: string;
  /** Holds data or serves traffic. */
  readonly stateful: boolean;
  /** Why, when the replacement is listed as intended, or the destroy is a `removed` block's. */
  readonly intended?: string;
}

export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly replace: number;
  readonly forget: number;
  readonly moved: number;
  readonly unchanged: number;
}

export interface PlanReport {
  readonly counts: PlanCounts;
  readonly replacements: readonly Finding[];
  readonly destroys: readonly Finding[];
  readonly forgets: readonly string[];
  readonly updates: readonly string[];
  /** Stateful destroys and replacements that are not intended: the plan fails on any. */
  readonly blocking: readonly Finding[];
  readonly setAside: readonly SetAside[];
  readonly mapped: readonly Mapped[];
  /** Calls the offline stub refused (the provider tolerated them, or the plan would have failed). */
  readonly refusedCalls: readonly string[];
}

export const UNKNOWN_AFTER_APPLY = "(known after apply)";

function at(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>(
    (out, step) => (typeof step === "number" ? `${out}[${step}]` : out ? `${out}.${step}` : step),
    "",
  );
}

function attributeChanges(change: ResourceChange["change"]): AttributeChange[] {
  return (change.replace_paths ?? []).map((path) => ({
    path: formatPath(path),
    before: at(change.before, path) ?? null,
    after: at(change.after_unknown, path) === true ? UNKNOWN_AFTER_APPLY : (at(change.after, path) ?? null),
  }));
}

export interface JudgeOptions {
  readonly statefulTypes: ReadonlySet<string>;
  readonly intended: readonly IntendedReplacement[];
  /** `removed { lifecycle { destroy = true } }` blocks of the configuration: their destroys are on purpose. */
  readonly removed?: ReadonlyArray<{ readonly from: string; readonly reason: string }>;
  readonly setAside?: readonly SetAside[];
  readonly mapped?: readonly Mapped[];
  readonly refusedCalls?: readonly string[];
}

export function judgePlan(plan: PlanJson, options: JudgeOptions): PlanReport {
  const managed = (plan.resource_changes ?? []).filter((r) => r.mode === "managed");
  const has = (r: ResourceChange, action: Action) => r.change.actions.includes(action);
  const isReplace = (r: ResourceChange) => has(r, "create") && has(r, "delete");
  const unkeyed = (address: string) => address.replace(/\[[^\]]*\]$/, "");
  const finding = (r: ResourceChange): Finding => {
    const paths = isReplace(r) ? attributeChanges(r.change) : [];
    const intended = isReplace(r)
      ? options.intended.find(
          (i) =>
            i.address === r.address &&
            (i.attribute === undefined || paths.some((p) => p.path.split(/[.[]/)[0] === i.attribute)),
        )?.reason
      : options.removed?.find((b) => b.from === r.address || b.from === unkeyed(r.address))?.reason;
    return {
      address: r.address,
      ...(r.previous_address ? { previousAddress: r.previous_address } : {}),
      type: r.type,
      paths,
      ...(r.action_reason ? { reason: r.action_reason } : {}),
      stateful: options.statefulTypes.has(r.type),
      ...(intended ? { intended } : {}),
    };
  };
  const replacements = managed.filter(isReplace).map(finding);
  const destroys = managed.filter((r) => has(r, "delete") && !has(r, "create")).map(finding);
  const counts: PlanCounts = {
    add: managed.filter((r) => has(r, "create") && !has(r, "delete")).length,
    change: managed.filter((r) => has(r, "update")).length,
    destroy: destroys.length,
    replace: replacements.length,
    forget: managed.filter((r) => has(r, "forget")).length,
    moved: managed.filter((r) => r.previous_address !== undefined).length,
    unchanged: managed.filter((r) => r.change.actions.length === 1 && has(r, "no-op")).length,
  };
  return {
    counts,
    replacements,
    destroys,
    forgets: managed.filter((r) => has(r, "forget")).map((r) => r.address),
    updates: managed.filter((r) => has(r, "update")).map((r) => r.address),
    blocking: [...destroys, ...replacements].filter((f) => f.stateful && !f.intended),
    setAside: options.setAside ?? [],
    mapped: options.mapped ?? [],
    refusedCalls: options.refusedCalls ?? [],
  };
}

const show = (value: unknown): string => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

function findingLines(label: string, f: Finding): string[] {
  const moved = f.previousAddress ? ` (was ${f.previousAddress})` : "";
  const what = f.stateful ? "  [holds data or serves traffic]" : "";
  const lines = [`  ${label} ${f.address}${moved}${what}`];
  for (const p of f.paths) lines.push(`      ${p.path}: ${show(p.before)} -> ${show(p.after)}`);
  if (f.paths.length === 0 && f.reason) lines.push(`      ${f.reason.replace(/_/g, " ")}`);
  if (f.intended) lines.push(`      intended: ${f.intended}`);
  return lines;
}

/** Counts one per host: `kinesis.eu-west-2.amazonaws.com:443 ×3`. */
function tally(calls: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([call, n]) => `${call}${n > 1 ? ` ×${n}` : ""}`);
}

export function formatPlanReport(report: PlanReport): string[] {
  const c = report.counts;
  const lines = [
    `${c.add} to add, ${c.change} to change, ${c.destroy} to destroy, ${c.replace} to replace, ${c.forget} to forget (${c.moved} moved, ${c.unchanged} unchanged)`,
  ];
  const section = (title: string, items: readonly string[], count = items.length) => {
    if (items.length === 0) return;
    lines.push("", `${title} (${count})`, ...items);
  };
  section(
    "replacements",
    report.replacements.flatMap((f) => findingLines(f.intended ? "INTENDED" : "REPLACE", f)),
    report.replacements.length,
  );
  section(
    "destroys",
    report.destroys.flatMap((f) => findingLines(f.intended ? "DESTROY (removed block)" : "DESTROY", f)),
    report.destroys.length,
  );
  section(
    "forgotten (removed blocks, destroy = false: the object stays, Terraform stops managing it)",
    report.forgets.map((a) => `  ${a}`),
  );
  section(
    "not planned here (set aside by the offline view)",
    report.setAside.map((s) => `  ${s.address}: ${s.why}`),
  );
  section(
    "planned through the 5.x view",
    report.mapped.map((m) => `  ${m.what}: ${m.how}`),
  );
  section(
    "network calls refused by the offline stub (the provider went on without them)",
    tally(report.refusedCalls).map((t) => `  ${t}`),
  );
  lines.push(
    "",
    report.blocking.length === 0
      ? "ok: nothing that holds data or serves traffic would be destroyed, or replaced unintended"
      : `FAILED: ${report.blocking.length} resource(s) that hold data or serve traffic would be ${[
          ...new Set(report.blocking.map((f) => (f.paths.length > 0 ? "replaced" : "destroyed"))),
        ].join(
          " or ",
        )}: ${report.blocking.map((f) => `${f.address}${f.paths.length > 0 ? ` (${f.paths.map((p) => p.path).join(", ")})` : ""}`).join("; ")}. Fix the configuration, or list an intended replacement with its reason in constructs/migration/intended-replacements.ts`,
  );
  return lines;
}
