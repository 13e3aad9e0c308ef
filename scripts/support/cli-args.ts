/**
 * The one argument parser of every CLI under scripts/: Node's util.parseArgs in strict mode, with
 * errors a person can act on. Every usage or input problem is ONE line on stderr that starts with
 * the npm script's name and names the flag or file, and exits 2:
 *
 *   migration:report: --state needs a value
 *   migration:report: unknown flag --frobnicate (flags: --state-list, --state, --json, --help)
 *   migration:report: empty.txt is empty: expected the output of terraform state list
 *
 * `--help` (or `-h`) prints the usage and every flag, and exits 0.
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";

/** A problem with the command line or a file it names: exit 2, one line. */
export class UsageError extends Error {}

export interface FlagSpec {
  readonly type: "string" | "boolean";
  /** May be given more than once; the values are collected in order. @default false */
  readonly multiple?: boolean;
  /** One line for --help. */
  readonly help: string;
  /** The value's name in --help (`--state <file>`). @default "value" */
  readonly value?: string;
}

export interface CliSpec<F extends Readonly<Record<string, FlagSpec>>> {
  /** The npm script's name; every message starts with it ("migration:report"). */
  readonly name: string;
  /** What the command does, the first line of --help. */
  readonly summary: string;
  readonly flags: F;
  /** Positional arguments, by their name in --help. @default none accepted */
  readonly positionals?: { readonly name: string; readonly min?: number; readonly max?: number };
}

type FlagValue<S extends FlagSpec> = S["type"] extends "string"
  ? S["multiple"] extends true
    ? string[]
    : string
  : boolean;

/** The flags given, by name; a flag not given is undefined. */
export type FlagValues<F extends Readonly<Record<string, FlagSpec>>> = {
  readonly [K in keyof F]?: FlagValue<F[K]>;
};

export interface ParsedCli<F extends Readonly<Record<string, FlagSpec>>> {
  readonly flags: FlagValues<F>;
  readonly positionals: readonly string[];
  /** --help or -h was given: print helpText(spec), do nothing else. */
  readonly help: boolean;
}

const HELP: FlagSpec = { type: "boolean", help: "print this help" };

function flagList(spec: CliSpec<Readonly<Record<string, FlagSpec>>>): string {
  return [...Object.keys(spec.flags), "help"].map((f) => `--${f}`).join(", ");
}

/** Why strict parsing refused argv, said about the token that caused it. */
function explain(
  spec: CliSpec<Readonly<Record<string, FlagSpec>>>,
  argv: readonly string[],
  error: unknown,
): string {
  const { tokens } = parseArgs({
    args: [...argv],
    options: {},
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const isHelp = token.rawName === "-h" || token.rawName === "--help";
    const named = token.rawName.startsWith("--") && Object.hasOwn(spec.flags, token.name);
    if (!isHelp && !named) return `unknown flag ${token.rawName} (flags: ${flagList(spec)})`;
    const flag = isHelp ? HELP : spec.flags[token.name];
    if (flag?.type === "boolean" && token.inlineValue) return `${token.rawName} takes no value`;
  }
  // Non-strict parsing knows no types, so it never takes the next argument as a value: look again.
  for (const [i, arg] of argv.entries()) {
    if (arg === "--") break;
    const flag =
      arg.startsWith("--") && Object.hasOwn(spec.flags, arg.slice(2)) ? spec.flags[arg.slice(2)] : undefined;
    if (flag?.type === "string" && (argv[i + 1] === undefined || /^-./.test(argv[i + 1]!)))
      return `${arg} needs a value`;
  }
  return error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
}

/**
 * Parses argv (process.argv.slice(2)) against the spec, strictly: an unknown flag, a flag without
 * its value (or with an empty one), a string flag given twice, a value for a boolean flag, or the
 * wrong number of positional arguments throws a UsageError saying which.
 */
export function parseCli<const F extends Readonly<Record<string, FlagSpec>>>(
  spec: CliSpec<F>,
  argv: readonly string[],
): ParsedCli<F> {
  if (Object.hasOwn(spec.flags, "help")) throw new Error(`${spec.name}: --help is every CLI's own flag`);
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [name, flag] of Object.entries(spec.flags))
    options[name] = { type: flag.type, ...(flag.multiple ? { multiple: true } : {}) };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new UsageError(explain(spec, argv, error));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option" || spec.flags[token.name]?.type !== "string") continue;
    if (token.value === "") throw new UsageError(`${token.rawName} needs a value`);
    if (seen.has(token.name) && !spec.flags[token.name]?.multiple)
      throw new UsageError(`${token.rawName} is given twice`);
    seen.add(token.name);
  }
  const { positionals } = parsed;
  const allowed = spec.positionals;
  if (allowed === undefined && positionals.length > 0)
    throw new UsageError(
      `unexpected argument "${positionals[0]}" (this command takes flags only: ${flagList(spec)})`,
    );
  if (allowed !== undefined) {
    if (positionals.length < (allowed.min ?? 0)) throw new UsageError(`no ${allowed.name} given`);
    if (allowed.max !== undefined && positionals.length > allowed.max)
      throw new UsageError(
        `unexpected argument "${positionals[allowed.max]}" (at most ${allowed.max} ${allowed.name})`,
      );
  }
  const { help, ...flags } = parsed.values as Record<string, unknown>;
  return { flags: flags as FlagValues<F>, positionals, help: help === true };
}

/** The --help text: usage line, summary, one line per flag. */
export function helpText(spec: CliSpec<Readonly<Record<string, FlagSpec>>>): string {
  const flags = Object.entries(spec.flags).map(([name, flag]) => ({
    left: `--${name}${flag.type === "string" ? ` <${flag.value ?? "value"}>` : ""}`,
    help: flag.help + (flag.multiple ? " (repeatable)" : ""),
  }));
  flags.push({ left: "--help", help: HELP.help });
  const width = Math.max(...flags.map((f) => f.left.length));
  const p = spec.positionals;
  const positional = p ? ` ${(p.min ?? 0) > 0 ? p.name : `[${p.name}]`}${p.max === 1 ? "" : "…"}` : "";
  return [
    `usage: npm run ${spec.name} --${positional} [flags]`,
    spec.summary,
    "",
    ...flags.map((f) => `  ${f.left.padEnd(width)}  ${f.help}`),
    "",
  ].join("\n");
}

/**
 * Parses a whole number flag value (`--runs 7`): min and max included.
 * @throws UsageError naming the flag and the bounds
 */
export function wholeNumberFlag(
  flag: string,
  value: string | undefined,
  fallback: number,
  min = 1,
  max = Infinity,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(
      `--${flag} "${value}" is not a whole number from ${min}${max === Infinity ? " up" : ` to ${max}`}`,
    );
  return n;
}

/**
 * Reads a file named on the command line. A missing, unreadable, folder or empty file is a
 * UsageError naming it and saying what it should hold (`expected` completes "expected …").
 * Pipes (`--state-list <(terraform state list)`) are read like files.
 */
export function readInputFile(path: string, expected: string): string {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${path} is a folder: expected ${expected}`);
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`${path} does not exist: expected ${expected}`);
    throw new UsageError(`${path} cannot be read (${code ?? String(error)}): expected ${expected}`);
  }
  if (text.trim() === "") throw new UsageError(`${path} is empty: expected ${expected}`);
  return text;
}

/** readInputFile, then JSON.parse; a parse error names the file, what broke and what was expected. */
export function readJsonInput(path: string, expected: string): unknown {
  const text = readInputFile(path, expected);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON (${(error as Error).message}): expected ${expected}`);
  }
}

/** Where a CLI writes: the process's streams when run, strings in tests. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const PROCESS_OUTPUT: CliOutput = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * Runs a CLI's main with its parsed arguments and returns its exit code: --help prints the help
 * (0); a UsageError, from parsing or from main, prints its one line (2); any other error prints
 * its message (its stack under CONNECT_DEBUG=1) and gives 1.
 */
export async function runCli<const F extends Readonly<Record<string, FlagSpec>>>(
  spec: CliSpec<F>,
  argv: readonly string[],
  main: (args: ParsedCli<F>, out: CliOutput) => number | Promise<number>,
  out: CliOutput = PROCESS_OUTPUT,
): Promise<number> {
  try {
    const args = parseCli(spec, argv);
    if (args.help) {
      out.stdout(helpText(spec));
      return 0;
    }
    return await main(args, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`${spec.name}: ${error.message}\n`);
      return 2;
    }
    const detail =
      error instanceof Error ? (process.env.CONNECT_DEBUG ? error.stack : error.message) : String(error);
    out.stderr(`${spec.name}: ${detail}\n`);
    return 1;
  }
}

/** runCli on process.argv, setting the process's exit code. */
export function runCliProcess<const F extends Readonly<Record<string, FlagSpec>>>(
  spec: CliSpec<F>,
  main: (args: ParsedCli<F>, out: CliOutput) => number | Promise<number>,
): void {
  void runCli(spec, process.argv.slice(2), main).then((code) => {
    process.exitCode = code;
  });
}
