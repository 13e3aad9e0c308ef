import { readFileSync } from "node:fs";
import { environments } from "./environments";
import { protectionIssues } from "./protections";
import { configSchema, type ConfigInput, type StackConfig } from "./schema";
import { mergeSettings, settingValue, unknownSettings, type SettingIssue } from "./tree";

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
export function formatIssues(source: string, issues: readonly SettingIssue[]): string {
  return issues
    .map((issue) => `${source}: ${formatPath(issue.path) || "(root)"}: ${issue.message}`)
    .join("\n");
}

export interface LoadConfigOptions {
  /** Environment name (a key of config/environments). */
  readonly env: string;
  /** Path of a JSON file whose values override the environment's (CONNECT_CONFIG_FILE). */
  readonly overridesFile?: string;
  /** In-memory overrides (tests); the same rules as an override file. */
  readonly overrides?: unknown;
  /** The committed environment files. @default config/environments (tests stand in their own) */
  readonly environments?: Readonly<Record<string, ConfigInput>>;
}

function readOverridesFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * `null` removes a named entry from a map (mergeSettings); anywhere else it reaches the schema as a
 * value, and "expected string, received null" alone does not say what the writer meant.
 */
function explainNull(input: unknown, issue: SettingIssue): SettingIssue {
  const value = issue.path.reduce<unknown>(
    (node, key) =>
      typeof node === "object" && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );
  if (value !== null) return issue;
  return {
    ...issue,
    message: `${issue.message}: null only removes a named entry of a map (queues, routing profiles, agents, tags, business-hour days); leave a setting out to keep the value the layer below gives it`,
  };
}

function parse(source: string, input: unknown): StackConfig {
  // Unknown keys are reported by unknownSettings, with the nearest known key, at every depth.
  const unknown = unknownSettings(configSchema, input);
  const result = configSchema.safeParse(input);
  const schemaIssues = result.success ? [] : result.error.issues;
  const issues = [
    ...unknown,
    ...schemaIssues
      .filter((issue) => issue.code !== "unrecognized_keys")
      .map((issue) => explainNull(input, issue)),
  ];
  if (issues.length > 0 || !result.success) throw new ConfigError(formatIssues(source, issues));
  return result.data;
}

/**
 * Validate the chosen environment's config, with overrides merged over it. Throws ConfigError with
 * one line per bad field, per unknown key, and per protected setting an override weakens.
 */
export function loadConfig(options: LoadConfigOptions): StackConfig {
  const files = options.environments ?? environments;
  const file: ConfigInput | undefined = files[options.env];
  if (!file) {
    throw new ConfigError(
      `config: environment "${options.env}" is unknown: expected one of ${Object.keys(files).join(", ")}`,
    );
  }
  const environmentFile = `config/environments/${options.env}.ts`;
  const committed = mergeSettings(configSchema, undefined, file);
  const layers: unknown[] = [];
  let source = environmentFile;
  if (options.overridesFile) {
    layers.push(readOverridesFile(options.overridesFile));
    source = `${source} + ${options.overridesFile}`;
  }
  if (options.overrides !== undefined) layers.push(options.overrides);

  const input = layers.reduce<unknown>(
    (merged, layer) => mergeSettings(configSchema, merged, layer),
    committed,
  );
  const config = parse(source, input);
  if (layers.length === 0) return config;
  const weakened = protectionIssues(
    environmentFile,
    (path) => settingValue(configSchema, committed, path),
    (path) => settingValue(configSchema, config, path),
  );
  if (weakened.length > 0) {
    throw new ConfigError(
      formatIssues(
        source,
        weakened.map((w) => ({ ...w, path: w.path.split(".") })),
      ),
    );
  }
  return config;
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
