/**
 * The shape every deploy-day check shares: a named check runs against a context and answers
 * PASS, FAIL or SKIP with one line of detail and, unless it passed, the fix. A check that throws is
 * reported as FAIL with the error's name and message, never as a stack trace: an operator reads it.
 */

export type CheckStatus = "PASS" | "FAIL" | "SKIP";

export interface CheckResult {
  /** Kebab-case id, stable for scripts that read `--json`. */
  readonly id: string;
  readonly status: CheckStatus;
  /** What was found, one line. */
  readonly detail: string;
  /** What to do about it (FAIL and SKIP). */
  readonly fix?: string;
}

export interface Check<C> {
  readonly id: string;
  /** One line: what the check proves. */
  readonly title: string;
  /** One result, or several (one per flow, per intent…), each with its own id. */
  readonly run: (context: C) => Promise<CheckResult | readonly CheckResult[]>;
}

export const pass = (id: string, detail: string): CheckResult => ({ id, status: "PASS", detail });
export const fail = (id: string, detail: string, fix: string): CheckResult => ({
  id,
  status: "FAIL",
  detail,
  fix,
});
export const skip = (id: string, detail: string, fix?: string): CheckResult => ({
  id,
  status: "SKIP",
  detail,
  ...(fix ? { fix } : {}),
});

/** An AWS SDK or system error in one line: `AccessDeniedException: User … is not authorized …`. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const name = error.name !== "Error" ? error.name : typeof code === "string" ? code : "Error";
    return `${name}: ${error.message.split("\n")[0]}`;
  }
  return String(error);
}

/** The error's name as the SDK reports it (`NoSuchBucket`, `ResourceNotFoundException`). */
export function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** Runs the checks one after another (AWS throttles bursts), each failure contained to its check. */
export async function runChecks<C>(checks: readonly Check<C>[], context: C): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      const outcome = await check.run(context);
      results.push(...(Array.isArray(outcome) ? outcome : [outcome as CheckResult]));
    } catch (error) {
      const noCredentials = errorName(error) === "CredentialsProviderError";
      results.push(
        fail(
          check.id,
          `${check.title}: ${describeError(error)}`,
          noCredentials
            ? "no AWS credentials in this shell: sign in (aws sso login, or set AWS_PROFILE) and retry"
            : "the call was refused or failed: check the credentials' permissions (docs/deploy-day.md lists the actions) and retry",
        ),
      );
    }
  }
  return results;
}

/** Exit status: 1 when anything failed, else 0. */
export function exitCodeOf(results: readonly CheckResult[]): number {
  return results.some((r) => r.status === "FAIL") ? 1 : 0;
}

export function countOf(results: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { PASS: 0, FAIL: 0, SKIP: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}

/** One line per result, the fix indented below it: the terminal report. */
export function formatLines(results: readonly CheckResult[]): string[] {
  const width = Math.max(0, ...results.map((r) => r.id.length));
  return results.flatMap((r) => [
    `${r.status.padEnd(4)}  ${r.id.padEnd(width)}  ${r.detail}`,
    ...(r.fix && r.status !== "PASS" ? [`${" ".repeat(6 + width + 2)}fix: ${r.fix}`] : []),
  ]);
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A Markdown report: a summary line and one table row per result. */
export function formatMarkdown(title: string, results: readonly CheckResult[]): string {
  const c = countOf(results);
  return [
    `# ${title}`,
    "",
    `${c.PASS} passed, ${c.FAIL} failed, ${c.SKIP} skipped`,
    "",
    "| Status | Check | Detail | Fix |",
    "|---|---|---|---|",
    ...results.map((r) => `| ${r.status} | ${r.id} | ${cell(r.detail)} | ${cell(r.fix ?? "")} |`),
    "",
  ].join("\n");
}
