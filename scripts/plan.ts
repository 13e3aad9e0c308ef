/**
 * `npm run plan -- [--env <name>] [--stack <cdk.tf.json>] [--state <file>] [--account <id>] [--json]`
 *
 * Terraform's own `validate` and `plan -refresh=false` of the synthesized stack, offline, through
 * the local plugin mirror (TF_PLUGIN_DIR, default /opt/tf-plugins): counts, every replacement and
 * destroy with the attribute paths that force it, what could not be planned here and why.
 * `--state` takes a state file (`terraform state pull`) or `terraform show -json` output.
 *
 * Exit 0: nothing stateful destroyed or replaced unintended; 1: something is, or terraform rejected
 * the configuration; 2: usage; 3: terraform or the mirror is missing (nothing was checked).
 * Progress goes to stderr, so `--json` output on stdout stays machine-readable.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { EngineMissingError, findEngine, TerraformError } from "./terraform/engine";
import { planOffline } from "./terraform/offline-plan";
import type { TerraformConfig } from "./terraform/offline-view";
import { formatPlanReport } from "./terraform/plan-report";
import { readStateInput } from "./terraform/state-input";
import { synthesizeApp } from "./support/synth-app";

const USAGE =
  "usage: plan [--env <name>] [--stack <cdk.tf.json>] [--state <state file | show -json>] [--account <12 digits>] [--json]";
const EXIT = { ok: 0, failed: 1, usage: 2, engineMissing: 3 } as const;
const progress = (line: string) => process.stderr.write(`plan: ${line}\n`);

class UsageError extends Error {}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        env: { type: "string" },
        stack: { type: "string" },
        state: { type: "string" },
        account: { type: "string" },
        json: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
  for (const flag of ["env", "stack", "state", "account"] as const) {
    if (parsed[flag] !== undefined && parsed[flag].trim() === "")
      throw new UsageError(`--${flag} needs a value`);
  }
  if (parsed.env && parsed.stack) throw new UsageError("--env and --stack exclude each other");
  if (parsed.account !== undefined && !/^\d{12}$/.test(parsed.account)) {
    throw new UsageError(`--account ${parsed.account}: expected a 12-digit AWS account id`);
  }
  return parsed;
}

async function stackToPlan(
  args: ReturnType<typeof options>,
): Promise<{ stack: TerraformConfig; stackDir: string; name: string }> {
  if (args.stack) {
    const path = resolve(args.stack);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new UsageError(`--stack ${args.stack}: cannot read: ${(error as NodeJS.ErrnoException).code}`);
    }
    try {
      return { stack: JSON.parse(text) as TerraformConfig, stackDir: dirname(path), name: path };
    } catch (error) {
      throw new UsageError(`--stack ${args.stack}: not valid JSON (${(error as Error).message})`);
    }
  }
  const { stackName, outputPath, json } = await synthesizeApp(
    args.env ? ["--context", `env=${args.env}`] : [],
    progress,
  );
  progress(`synthesized ${stackName} → ${outputPath}`);
  return { stack: json as TerraformConfig, stackDir: dirname(outputPath), name: stackName };
}

async function main(): Promise<number> {
  const args = options();
  let state;
  try {
    state = args.state ? readStateInput(resolve(args.state)) : undefined;
  } catch (error) {
    throw new UsageError(`--state ${(error as Error).message}`);
  }
  const engine = await findEngine();
  const { stack, stackDir, name } = await stackToPlan(args);
  const workDir = join("cdktf.out", "plan", args.stack ? "stack" : (name.split("/").pop() ?? "stack"));
  const result = await planOffline({
    engine,
    stack,
    stackDir,
    workDir,
    cacheDir: join("node_modules", ".cache", "connect-plan"),
    ...(state ? { state } : {}),
    ...(args.account ? { accountId: args.account } : {}),
    progress,
  });
  const { report } = result;
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ stack: name, terraform: engine.terraformVersion, aws: engine.awsVersion, accountId: result.accountId, ...report }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(
      [
        `plan of ${name}${args.state ? ` against ${args.state}` : ""}: terraform ${engine.terraformVersion}, hashicorp/aws ${engine.awsVersion} (offline, account ${result.accountId}); plan JSON in ${join(result.workDir, "plan.json")}`,
        ...formatPlanReport(report),
      ].join("\n") + "\n",
    );
  }
  return report.blocking.length > 0 ? EXIT.failed : EXIT.ok;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      process.stderr.write(`plan: ${message}\n${USAGE}\n`);
      process.exit(EXIT.usage);
    }
    if (error instanceof EngineMissingError) {
      process.stderr.write(`plan: not run: ${message}\n`);
      process.exit(EXIT.engineMissing);
    }
    process.stderr.write(
      `plan: ${error instanceof TerraformError ? message : process.env.CONNECT_DEBUG && error instanceof Error ? error.stack : message}\n`,
    );
    process.exit(EXIT.failed);
  },
);
