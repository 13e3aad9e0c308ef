import { branchesOf } from "./branches";
import type { Run } from "./engine";
import type { FlowSet } from "./flow-set";

/** Share of a flow's actions and branches some run took. */
export interface FlowCoverage {
  readonly flow: string;
  readonly actions: { readonly taken: number; readonly total: number };
  readonly branches: { readonly taken: number; readonly total: number };
  /** `Identifier` of actions no run reached. */
  readonly missedActions: readonly string[];
  /** `Identifier -> branch` no run took. */
  readonly missedBranches: readonly string[];
}

export function coverage(flows: FlowSet, runs: readonly Run[]): FlowCoverage[] {
  const reached = new Set<string>();
  const taken = new Set<string>();
  for (const run of runs) {
    for (const s of run.path) {
      reached.add(`${s.flow}\0${s.id}`);
      taken.add(`${s.flow}\0${s.id}\0${s.branch}`);
    }
  }
  return [...flows.values()].map((flow) => {
    const missedActions = flow.actions.filter((a) => !reached.has(`${flow.name}\0${a.Identifier}`));
    const branches = flow.actions.flatMap((a) => branchesOf(a).map((b) => ({ id: a.Identifier, branch: b })));
    const missedBranches = branches.filter((b) => !taken.has(`${flow.name}\0${b.id}\0${b.branch}`));
    return {
      flow: flow.name,
      actions: { taken: flow.actions.length - missedActions.length, total: flow.actions.length },
      branches: { taken: branches.length - missedBranches.length, total: branches.length },
      missedActions: missedActions.map((a) => a.Identifier),
      missedBranches: missedBranches.map((b) => `${b.id} -> ${b.branch}`),
    };
  });
}

/** Totals over all flows. */
export function totals(report: readonly FlowCoverage[]): { actions: number; branches: number } {
  const sum = (pick: (c: FlowCoverage) => { taken: number; total: number }) => {
    const taken = report.reduce((n, c) => n + pick(c).taken, 0);
    const total = report.reduce((n, c) => n + pick(c).total, 0);
    return total === 0 ? 1 : taken / total;
  };
  return { actions: sum((c) => c.actions), branches: sum((c) => c.branches) };
}

const pct = (part: { taken: number; total: number }): string =>
  `${part.taken}/${part.total} (${part.total === 0 ? 100 : Math.round((100 * part.taken) / part.total)}%)`;

export function formatCoverage(report: readonly FlowCoverage[], details = true): string {
  const width = Math.max(...report.map((c) => c.flow.length));
  const lines = report.map((c) => {
    const head = `  ${c.flow.padEnd(width)}  actions ${pct(c.actions).padEnd(13)} branches ${pct(c.branches)}`;
    if (!details) return head;
    const missed = [
      ...c.missedActions.map((id) => `      action not reached: ${id}`),
      ...c.missedBranches.map((b) => `      branch not taken:   ${b}`),
    ];
    return [head, ...missed].join("\n");
  });
  const t = totals(report);
  lines.push(
    `  all flows: actions ${Math.round(t.actions * 1000) / 10}%, branches ${Math.round(t.branches * 1000) / 10}%`,
  );
  return lines.join("\n");
}
