import { readFileSync } from "node:fs";
import { z } from "zod";
import { environments } from "./environments";
import { configSchema, type ConfigInput, type StackConfig } from "./schema";

/** A configuration problem; `message` is one line per bad field, ready to print. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? (out ? `${out}.${name}` : name) : `${out}["${name}"]`;
  }, "");
}

/** One line per issue: `<source>: <field.path>: <what was expected>`. */
export function formatIssues(source: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = formatPath(issue.path) || "(root)";
      return `${source}: ${path}: ${issue.message}`;
    })
    .join("\n");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Overrides replace arrays and scalars, merge objects. */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeConfig(base[key], value);
  return merged;
}

export interface LoadConfigOptions {
  /** Environment name (a key of config/environments). */
  readonly env: string;
  /** Path of a JSON file whose values override the environment's (CONNECT_CONFIG_FILE). */
  readonly overridesFile?: string;
  /** In-memory overrides (tests). */
  readonly overrides?: unknown;
}

/** Validate the chosen environment's config. Throws ConfigError with one line per bad field. */
export function loadConfig(options: LoadConfigOptions): StackConfig {
  const base: ConfigInput | undefined = environments[options.env];
  if (!base) {
    throw new ConfigError(
      `config: environment "${options.env}" is unknown: expected one of ${Object.keys(environments).join(", ")}`,
    );
  }
  let input: unknown = base;
  let source = `config/environments/${options.env}.ts`;
  if (options.overridesFile) {
    let text: string;
    try {
      text = readFileSync(options.overridesFile, "utf8");
    } catch (error) {
      throw new ConfigError(
        `${options.overridesFile}: cannot read: ${(error as NodeJS.ErrnoException).code ?? error}`,
      );
    }
    try {
      input = mergeConfig(input, JSON.parse(text));
    } catch (error) {
      throw new ConfigError(`${options.overridesFile}: not valid JSON: ${(error as Error).message}`);
    }
    source = `${source} + ${options.overridesFile}`;
  }
  if (options.overrides !== undefined) input = mergeConfig(input, options.overrides);
  const result = configSchema.safeParse(input);
  if (!result.success) throw new ConfigError(formatIssues(source, result.error));
  return result.data;
}

/**
 * Environment name from, in order: `--context env=<name>` on the command line, the cdktf
 * context `env` (cdktf.json or CDKTF_CONTEXT_JSON), CONNECT_ENV, then "dev".
 */
export function resolveEnvName(
  argv: readonly string[],
  contextEnv: unknown,
  processEnv: NodeJS.ProcessEnv,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value =
      arg === "--context" || arg === "-c"
        ? argv[i + 1]
        : arg.startsWith("--context=")
          ? arg.slice(10)
          : undefined;
    if (value?.startsWith("env=")) return value.slice(4);
  }
  if (typeof contextEnv === "string" && contextEnv.length > 0) return contextEnv;
  return processEnv.CONNECT_ENV || "dev";
}
