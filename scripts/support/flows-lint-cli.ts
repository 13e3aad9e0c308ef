/**
 * `npm run flows:lint` (scripts/flows-lint.ts): validate Amazon Connect flow JSON and
 * `*.json.tftpl` templates with the project's flow validator. A shipped template (one the stack
 * renders, under contact_flows/) is also rendered with the variables the stack passes it, as synth
 * renders it: a placeholder the stack does not pass is an error here as it is at synth.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { lintFlowFile, type FileFlowType, type FileProblem } from "../../constructs/flows/lint-file";
import { displayPath, FlowTemplateError, TEMPLATE_DIR } from "../../constructs/flows/render";
import { loadFlowSet } from "../../constructs/flows/simulator";
import { isFlowType } from "../../constructs/flows/types";
import { RULE_IDS, formatFinding, type Severity } from "../../constructs/flows/validator";
import { runCli, UsageError, type CliOutput, type ParsedCli } from "./cli-args";

export type { CliOutput } from "./cli-args";

export const FLOWS_LINT_CLI = {
  name: "flows:lint",
  summary:
    "Validate flow templates (*.json.tftpl) and exported flow JSON; prints each file's flow type and why. Exit 0 clean, 1 errors.",
  flags: {
    type: {
      type: "string",
      value: "T",
      help: "validate as this flow type (CONTACT_FLOW, CUSTOMER_QUEUE, ..., MODULE) instead of the declared or inferred one",
    },
    json: { type: "boolean", help: "print problems, flow types and the summary as JSON on stdout" },
    rule: { type: "string", multiple: true, value: "id=error|warning|off", help: "re-level one rule" },
  },
  positionals: { name: "file|folder", min: 1 },
} as const;

function collect(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UsageError(
      `${path} does not exist: expected a flow file (.json, .json.tftpl) or a folder of them`,
    );
  }
  if (!stats.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return collect(child);
      return name.endsWith(".json") || name.endsWith(".json.tftpl") ? [child] : [];
    });
}

function severitiesOf(rules: readonly string[]): Record<string, Severity> {
  const severities: Record<string, Severity> = {};
  for (const rule of rules) {
    const [id = "", level = ""] = rule.split("=");
    if (!RULE_IDS.includes(id))
      throw new UsageError(`--rule: unknown rule "${id}" (rules: ${RULE_IDS.join(", ")})`);
    if (level !== "error" && level !== "warning" && level !== "off")
      throw new UsageError(`--rule ${id}: level must be error, warning or off, not "${level}"`);
    severities[id] = level;
  }
  return severities;
}

/**
 * Problems of shipped templates as the stack renders them (the variables it passes). Rendering
 * stops at the first template that fails, as synth does; the others are then not judged here.
 */
function stackRenderingProblems(files: readonly string[]): FileProblem[] {
  const shipped = files.filter((f) => f.endsWith(".json.tftpl") && resolve(f).startsWith(`${TEMPLATE_DIR}/`));
  if (shipped.length === 0) return [];
  let rendered: ReadonlySet<string>;
  try {
    rendered = new Set([...loadFlowSet().values()].map((flow) => flow.template));
  } catch (error: unknown) {
    const cause = error instanceof Error ? error.cause : undefined;
    if (!(cause instanceof FlowTemplateError)) return [];
    return shipped
      .filter((f) => displayPath(resolve(f)) === cause.file)
      .flatMap((file) =>
        cause.problems.map((p) => ({
          file,
          rule: "template",
          severity: "error" as const,
          messageId: "stackVariables",
          message: `as the stack renders it: ${p}`,
          path: "",
        })),
      );
  }
  return shipped
    .filter((f) => !rendered.has(basename(f)))
    .map((file) => ({
      file,
      rule: "template",
      severity: "warning" as const,
      messageId: "notRendered",
      message:
        "no flow of the stack renders this template (constructs/flows/contact-flows.ts): its variables are not checked",
      path: "",
    }));
}

export function lintFiles(
  { flags, positionals }: ParsedCli<typeof FLOWS_LINT_CLI.flags>,
  out: CliOutput,
): number {
  const flowType = flags.type;
  if (flowType !== undefined && !isFlowType(flowType))
    throw new UsageError(`--type "${flowType}" is not a flow type`);
  const severities = severitiesOf(flags.rule ?? []);
  const files = positionals.flatMap(collect);
  if (files.length === 0)
    throw new UsageError(`${positionals.join(", ")} holds no flow files (.json, .json.tftpl)`);
  const types: FileFlowType[] = [];
  const problems: FileProblem[] = [
    ...files.flatMap((file) =>
      lintFlowFile(file, {
        severities,
        onFlowType: (resolution) => types.push(resolution),
        ...(flowType ? { flowType } : {}),
      }),
    ),
    ...stackRenderingProblems(files),
  ];
  const errors = problems.filter((p) => p.severity === "error").length;
  const summary = { files: files.length, errors, warnings: problems.length - errors };
  if (flags.json) {
    out.stdout(`${JSON.stringify({ problems, types, summary }, null, 2)}\n`);
  } else {
    for (const t of types) out.stdout(`${t.file}: validated as ${t.flowType} (${t.basis})\n`);
    for (const p of problems) out.stdout(`${p.file}: ${formatFinding(p)}\n`);
    out.stdout(`${summary.files} file(s): ${summary.errors} error(s), ${summary.warnings} warning(s)\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** The whole CLI: exit code 0 clean, 1 errors, 2 usage. */
export function runFlowsLint(argv: readonly string[], out: CliOutput): Promise<number> {
  return runCli(FLOWS_LINT_CLI, argv, lintFiles, out);
}
