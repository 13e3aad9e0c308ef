/**
 * `npm run flows:lint` (scripts/flows-lint.ts): validate Amazon Connect flow JSON and
 * `*.json.tftpl` templates with the project's flow validator.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { lintFlowFile, type FileFlowType, type FileProblem } from "../../constructs/flows/lint-file";
import { isFlowType, type FlowType } from "../../constructs/flows/types";
import { RULE_IDS, formatFinding, type Severity } from "../../constructs/flows/validator";

const USAGE =
  "usage: flows-lint <file|folder>... [--type CONTACT_FLOW|CUSTOMER_QUEUE|...|MODULE] [--json] [--rule <id>=error|warning|off]";

class UsageError extends Error {}

interface Args {
  readonly paths: string[];
  readonly flowType?: FlowType;
  readonly json: boolean;
  readonly severities: Record<string, Severity>;
}

function parseArgs(argv: readonly string[]): Args {
  const paths: string[] = [];
  const severities: Record<string, Severity> = {};
  let flowType: FlowType | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--type") {
      const value = argv[++i] ?? "";
      if (!isFlowType(value)) throw new UsageError(`--type "${value}" is not a flow type`);
      flowType = value;
    } else if (arg === "--rule") {
      const [id = "", level = ""] = (argv[++i] ?? "").split("=");
      if (!RULE_IDS.includes(id))
        throw new UsageError(`--rule: unknown rule "${id}" (rules: ${RULE_IDS.join(", ")})`);
      if (level !== "error" && level !== "warning" && level !== "off")
        throw new UsageError(`--rule ${id}: level must be error, warning or off`);
      severities[id] = level;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else paths.push(arg);
  }
  if (paths.length === 0) throw new UsageError("no file or folder given");
  return { paths, json, severities, ...(flowType ? { flowType } : {}) };
}

function collect(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file or folder`);
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

/** Where the CLI writes: the process streams in the script, strings in tests. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The whole CLI: exit code 0 clean, 1 errors, 2 usage. */
export function runFlowsLint(argv: readonly string[], out: CliOutput): number {
  let args: Args;
  let files: string[];
  try {
    args = parseArgs(argv);
    files = args.paths.flatMap(collect);
  } catch (error: unknown) {
    if (!(error instanceof UsageError)) throw error;
    out.stderr(`flows-lint: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const types: FileFlowType[] = [];
  const problems: FileProblem[] = files.flatMap((file) =>
    lintFlowFile(file, {
      severities: args.severities,
      onFlowType: (resolution) => types.push(resolution),
      ...(args.flowType ? { flowType: args.flowType } : {}),
    }),
  );
  const errors = problems.filter((p) => p.severity === "error").length;
  const summary = { files: files.length, errors, warnings: problems.length - errors };
  if (args.json) {
    out.stdout(`${JSON.stringify({ problems, types, summary }, null, 2)}\n`);
  } else {
    for (const t of types) out.stdout(`${t.file}: validated as ${t.flowType} (${t.basis})\n`);
    for (const p of problems) out.stdout(`${p.file}: ${formatFinding(p)}\n`);
    out.stdout(`${summary.files} file(s): ${summary.errors} error(s), ${summary.warnings} warning(s)\n`);
  }
  return errors > 0 ? 1 : 0;
}
