/**
 * The real Terraform engine, offline: the terraform binary and the AWS provider from a local plugin
 * mirror (TF_PLUGIN_DIR, default /opt/tf-plugins), run in a folder of its own with a CLI config
 * that installs from the mirror only, fake static credentials, and every network call sent to the
 * loopback stub (sts-stub.ts), which answers STS and refuses the rest.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { StsStub } from "./sts-stub";

/** terraform or the mirror is missing: a distinct exit status, not a failed check. */
export class EngineMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineMissingError";
  }
}

/** terraform ran and said no: its own diagnostics, ready to print. */
export class TerraformError extends Error {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(`terraform ${command} failed:\n${message}`);
    this.name = "TerraformError";
  }
}

export interface Engine {
  readonly terraform: string;
  readonly terraformVersion: string;
  readonly mirror: string;
  /** The AWS provider release the mirror holds (the highest, when several). */
  readonly awsVersion: string;
  /** The provider binary, whose size and time key the schema cache. */
  readonly awsBinary: string;
}

export const DEFAULT_PLUGIN_DIR = "/opt/tf-plugins";
const AWS_IN_MIRROR = "registry.terraform.io/hashicorp/aws";
/** `removed` blocks need 1.7. */
const MIN_TERRAFORM = [1, 7] as const;

function platform(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  return `${process.platform}_${arch}`;
}

function semverDescending(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pb[i] ?? 0) - (pa[i] ?? 0);
  return 0;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(":")) {
    const candidate = join(dir || ".", name);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function run(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      { ...options, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr: stderr || (error && !stderr ? error.message : "") });
      },
    );
  });
}

/** Where terraform and the mirror's AWS provider are, or why the engine is missing (no process run). */
export function locateEngine(
  env: NodeJS.ProcessEnv = process.env,
): Omit<Engine, "terraformVersion"> | { readonly missing: string } {
  const terraform = env.TERRAFORM || onPath("terraform", env);
  if (!terraform || !existsSync(terraform)) {
    return {
      missing:
        "terraform not found (set TERRAFORM or put terraform >= 1.7 on PATH): the real plan cannot run here",
    };
  }
  const mirror = resolve(env.TF_PLUGIN_DIR || DEFAULT_PLUGIN_DIR);
  const awsDir = join(mirror, AWS_IN_MIRROR);
  const versions = existsSync(awsDir)
    ? readdirSync(awsDir)
        .filter((v) => existsSync(join(awsDir, v, platform())))
        .sort(semverDescending)
    : [];
  const awsVersion = versions[0];
  if (!awsVersion) {
    return {
      missing: `no AWS provider for ${platform()} in the plugin mirror ${mirror} (expected ${AWS_IN_MIRROR}/<version>/${platform()}/; set TF_PLUGIN_DIR)`,
    };
  }
  const binDir = join(awsDir, awsVersion, platform());
  const binary = readdirSync(binDir).find((f) => f.startsWith("terraform-provider-aws"));
  if (!binary) return { missing: `${binDir} holds no terraform-provider-aws binary` };
  return { terraform, mirror, awsVersion, awsBinary: join(binDir, binary) };
}

/** Finds terraform (TERRAFORM or PATH) and the AWS provider in the mirror, or says what is missing. */
export async function findEngine(env: NodeJS.ProcessEnv = process.env): Promise<Engine> {
  const located = locateEngine(env);
  if ("missing" in located) throw new EngineMissingError(located.missing);
  const version = await run(located.terraform, ["version", "-json"], { env: quietEnv(env) });
  const terraformVersion = (JSON.parse(version.stdout || "{}") as { terraform_version?: string })
    .terraform_version;
  if (!terraformVersion) throw new EngineMissingError(`${located.terraform} did not report its version`);
  const [major = 0, minor = 0] = terraformVersion.split(".").map(Number);
  if (major < MIN_TERRAFORM[0] || (major === MIN_TERRAFORM[0] && minor < MIN_TERRAFORM[1])) {
    throw new EngineMissingError(`terraform ${terraformVersion} is too old: removed blocks need >= 1.7`);
  }
  return { ...located, terraformVersion };
}

/** The environment terraform runs in: no real credentials, no checkpoint, nothing interactive. */
function quietEnv(env: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^(AWS_|TF_)/.test(k) || /_proxy$/i.test(k)) continue;
    out[k] = v;
  }
  return {
    ...out,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    ...extra,
  };
}

/** One folder terraform works in: CLI config, the configuration, `.terraform` with the mirror linked. */
export class Workspace {
  private readonly env: NodeJS.ProcessEnv;
  readonly dir: string;

  constructor(
    readonly engine: Engine,
    folder: string,
    stub: Pick<StsStub, "url"> | undefined,
  ) {
    // terraform runs with this folder as its working directory: every path it is given is absolute.
    const dir = resolve(folder);
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    const cliConfig = join(dir, "offline.tfrc");
    // A filesystem mirror with the unpacked layout is linked, not copied (the binary is ~700 MB),
    // and with no `direct` installation nothing is fetched.
    writeFileSync(
      cliConfig,
      `disable_checkpoint = true\nprovider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(engine.mirror)}\n    include = ["${AWS_IN_MIRROR}"]\n  }\n}\n`,
    );
    this.env = quietEnv(process.env, {
      TF_CLI_CONFIG_FILE: cliConfig,
      // CONNECT_DEBUG=1: terraform's own debug log beside the plan, for a failure that needs it.
      ...(process.env.CONNECT_DEBUG ? { TF_LOG: "DEBUG", TF_LOG_PATH: join(dir, "terraform.log") } : {}),
      ...(stub ? { HTTPS_PROXY: stub.url, HTTP_PROXY: stub.url, NO_PROXY: "127.0.0.1,localhost" } : {}),
    });
  }

  /** Runs terraform; a non-zero exit throws TerraformError with terraform's own words. */
  async terraform(args: readonly string[]): Promise<string> {
    const result = await run(this.engine.terraform, [...args], { cwd: this.dir, env: this.env });
    if (result.code !== 0) {
      throw new TerraformError(args[0]!, (result.stderr || result.stdout).trim());
    }
    return result.stdout;
  }

  /**
   * `terraform plan -refresh=false` of this folder into a plan file, then that plan as JSON
   * (`terraform show -json`): what Terraform would do, with replace paths and before/after values.
   */
  async planJson(): Promise<string> {
    await this.terraform([
      "plan",
      "-refresh=false",
      "-input=false",
      "-no-color",
      "-lock=false",
      "-out=tfplan",
    ]);
    return this.terraform(["show", "-json", "-no-color", "tfplan"]);
  }

  /** `terraform init` from the mirror (a second init in the same folder is a quick no-op check). */
  async init(): Promise<void> {
    await this.terraform(["init", "-input=false", "-no-color", "-backend=false"]);
  }
}

export interface ProviderSchemaSummary {
  /** schema_version per resource type (state files must carry it). */
  readonly resources: Readonly<Record<string, number>>;
  readonly dataSources: Readonly<Record<string, number>>;
}

/**
 * Resource and data source types of the mirror's provider with their schema versions, from
 * `terraform providers schema -json` (13 MB, a few seconds): kept under node_modules/.cache, keyed
 * by the provider binary's path, size and time.
 */
export async function providerSchemaSummary(
  engine: Engine,
  cacheDir: string,
): Promise<ProviderSchemaSummary> {
  const stat = statSync(engine.awsBinary);
  const key = createHash("sha256")
    .update(`${engine.awsBinary}|${stat.size}|${stat.mtimeMs}|${engine.terraformVersion}`)
    .digest("hex")
    .slice(0, 16);
  const cached = join(cacheDir, `aws-${engine.awsVersion}-${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as ProviderSchemaSummary;
  const full = await providerSchema(engine, join(cacheDir, "schema-workspace"));
  const versions = (schemas: Record<string, { version: number }>) =>
    Object.fromEntries(Object.entries(schemas).map(([type, s]) => [type, s.version]));
  const summary: ProviderSchemaSummary = {
    resources: versions(full.resource_schemas),
    dataSources: versions(full.data_source_schemas),
  };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, JSON.stringify(summary));
  return summary;
}

export interface ProviderSchema {
  readonly resource_schemas: Record<string, { version: number; block: SchemaBlock }>;
  readonly data_source_schemas: Record<string, { version: number; block: SchemaBlock }>;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, { type?: unknown; computed?: boolean; optional?: boolean }>;
  readonly block_types?: Record<string, { nesting_mode: string; block: SchemaBlock }>;
}

/** The mirror provider's whole schema (`terraform providers schema -json`). */
export async function providerSchema(engine: Engine, dir: string): Promise<ProviderSchema> {
  const workspace = new Workspace(engine, dir, undefined);
  writeFileSync(
    join(dir, "main.tf.json"),
    JSON.stringify({
      terraform: { required_providers: { aws: { source: "hashicorp/aws", version: engine.awsVersion } } },
    }),
  );
  await workspace.init();
  const json = await workspace.terraform(["providers", "schema", "-json"]);
  const all = JSON.parse(json) as { provider_schemas: Record<string, ProviderSchema> };
  const aws = all.provider_schemas[AWS_IN_MIRROR];
  if (!aws) throw new Error(`terraform providers schema -json did not describe ${AWS_IN_MIRROR}`);
  return aws;
}
