import { RULE_PACK, type PackEntry } from "./pack";
import { StackView } from "./stack-view";
import type { LeveledFinding, RuleContext, RuleSuppression, StackJson } from "./types";

export interface RulesReport {
  /** Findings not suppressed, errors first. */
  readonly findings: readonly LeveledFinding[];
  /** Findings a configured suppression covers, with its owner and reason. */
  readonly suppressed: ReadonlyArray<LeveledFinding & { readonly owner: string; readonly reason: string }>;
  /** Suppressions that matched no finding: stale, to be deleted. */
  readonly unusedSuppressions: readonly RuleSuppression[];
  readonly rulesRun: number;
  readonly resourceCount: number;
  readonly milliseconds: number;
}

export interface RunRulesOptions extends RuleContext {
  readonly suppressions?: readonly RuleSuppression[];
  /** @default RULE_PACK */
  readonly pack?: readonly PackEntry[];
}

/** Run every rule of the pack over a synthesized stack. */
export function runRules(json: StackJson, options: RunRulesOptions): RulesReport {
  const started = performance.now();
  const pack = options.pack ?? RULE_PACK;
  const stack = new StackView(json, options);
  const suppressions = options.suppressions ?? [];
  const used = new Set<RuleSuppression>();
  const findings: LeveledFinding[] = [];
  const suppressed: Array<LeveledFinding & { owner: string; reason: string }> = [];
  for (const { rule, level } of pack) {
    for (const finding of rule.check(stack)) {
      const leveled = { ...finding, rule: rule.id, level, fix: rule.meta.fix };
      const suppression = suppressions.find((s) => s.rule === rule.id && s.address === finding.address);
      if (suppression) {
        used.add(suppression);
        suppressed.push({ ...leveled, owner: suppression.owner, reason: suppression.reason });
      } else findings.push(leveled);
    }
  }
  findings.sort((a, b) => (a.level === b.level ? 0 : a.level === "error" ? -1 : 1));
  return {
    findings,
    suppressed,
    unusedSuppressions: suppressions.filter((s) => !used.has(s)),
    rulesRun: pack.length,
    resourceCount: stack.all().length,
    milliseconds: Math.round(performance.now() - started),
  };
}

export const errorsOf = (report: RulesReport): LeveledFinding[] =>
  report.findings.filter((f) => f.level === "error");

/** `<rule id> <address>: <what> — <fix>` */
export const formatFinding = (f: LeveledFinding): string => `${f.rule} ${f.address}: ${f.message} — ${f.fix}`;

/** The report as lines for a terminal: errors, warnings, stale suppressions, then one summary line. */
export function formatReport(report: RulesReport): string[] {
  const lines = report.findings.map((f) => `${f.level}: ${formatFinding(f)}`);
  for (const s of report.unusedSuppressions) {
    lines.push(`warning: suppression of ${s.rule} on ${s.address} matches no finding: delete it from config`);
  }
  lines.push(summaryLine(report));
  return lines;
}

export function summaryLine(report: RulesReport): string {
  const errors = errorsOf(report).length;
  const warnings = report.findings.length - errors;
  return `stack rules: ${report.rulesRun} rules over ${report.resourceCount} resources in ${Math.round(report.milliseconds)} ms: ${errors} errors, ${warnings} warnings, ${report.suppressed.length} suppressed`;
}
