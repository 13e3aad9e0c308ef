/**
 * `npm run plan -- [--env <name> | --stack <cdk.tf.json>] [--state <file>] [--account <id>] [--json]`
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
import { dirname, join, resolve } from "node:path";
import { EngineMissingError, findEngine } from "../terraform/engine";
import { planOffline } from "../terraform/offline-plan";
import type { TerraformConfig } from "../terraform/offline-view";
import { formatPlanReport } from "../terraform/plan-report";
import { readStateInput } from "../terraform/state-input";
import { readJsonInput, UsageError, type CliOutput, type ParsedCli } from "./cli-args";

export const PLAN_CLI = {
  name: "plan",
  summary:
    "terraform validate and plan -refresh=false of the stack, offline through the plugin mirror. Exit 1 if anything stateful would be destroyed or replaced unintended, 3 if terraform or the mirror is missing.",
  flags: {
    env: { type: "string", value: "name", help: "environment to synthesize and plan (default: dev)" },
    stack: {
      type: "string",
      value: "cdk.tf.json",
      help: "plan this synthesized stack instead of synthesizing",
    },
    state: {
      type: "string",
      value: "file",
      help: "plan against this state: a state file (terraform state pull) or terraform show -json output",
    },
    account: {
      type: "string",
      value: "12 digits",
      help: "account the STS stub answers with (default: the state's)",
    },
    json: { type: "boolean", help: "print the report as JSON on stdout" },
  },
} as const;

/** Exit status when terraform or the plugin mirror is missing: nothing was checked. */
export const ENGINE_MISSING_EXIT = 3;

async function stackToPlan(
  flags: ParsedCli<typeof PLAN_CLI.flags>["flags"],
  progress: (line: string) => void,
): Promise<{ stack: TerraformConfig; stackDir: string; name: string }> {
  if (flags.stack) {
    const path = resolve(flags.stack);
    const stack = readJsonInput(path, "a synthesized cdk.tf.json") as TerraformConfig;
    return { stack, stackDir: dirname(path), name: flags.stack };
  }
  // Loaded only to synthesize: a usage error or --stack never pays for the app and cdktf.
  const { synthesizeApp } = await import("./synth-app");
  const { stackName, outputPath, json } = await synthesizeApp(
    flags.env ? ["--context", `env=${flags.env}`] : [],
    progress,
  );
  progress(`synthesized ${stackName} → ${outputPath}`);
  return { stack: json as TerraformConfig, stackDir: dirname(outputPath), name: stackName };
}

export async function planMain({ flags }: ParsedCli<typeof PLAN_CLI.flags>, out: CliOutput): Promise<number> {
  const progress = (line: string) => out.stderr(`plan: ${line}\n`);
  if (flags.env && flags.stack) throw new UsageError("--env and --stack exclude each other");
  if (flags.account !== undefined && !/^\d{12}$/.test(flags.account))
    throw new UsageError(`--account "${flags.account}" is not a 12-digit AWS account id`);
  let state;
  try {
    state = flags.state ? readStateInput(resolve(flags.state)) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let engine;
  try {
    engine = await findEngine();
  } catch (error) {
    if (!(error instanceof EngineMissingError)) throw error;
    out.stderr(`plan: not run: ${error.message}\n`);
    return ENGINE_MISSING_EXIT;
  }
  const { stack, stackDir, name } = await stackToPlan(flags, progress);
  const result = await planOffline({
    engine,
    stack,
    stackDir,
    workDir: join("cdktf.out", "plan", flags.stack ? "stack" : name),
    cacheDir: join("node_modules", ".cache", "connect-plan"),
    ...(state ? { state } : {}),
    ...(flags.account ? { accountId: flags.account } : {}),
    progress,
  });
  const { report } = result;
  if (flags.json) {
    const header = {
      stack: name,
      terraform: engine.terraformVersion,
      aws: engine.awsVersion,
      accountId: result.accountId,
    };
    out.stdout(`${JSON.stringify({ ...header, ...report }, null, 2)}\n`);
  } else {
    const against = flags.state ? ` against ${flags.state}` : "";
    const lines = [
      `plan of ${name}${against}: terraform ${engine.terraformVersion}, hashicorp/aws ${engine.awsVersion} (offline, account ${result.accountId}); plan JSON in ${join(result.workDir, "plan.json")}`,
      ...formatPlanReport(report),
    ];
    out.stdout(`${lines.join("\n")}\n`);
  }
  return report.blocking.length > 0 ? 1 : 0;
}
