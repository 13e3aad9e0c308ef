/**
 * `npm run migration:report [-- <cdk.tf.json>] [--state-list <file> | --state <file>] [--tables] [--json]`
 * Prints how every address of the original state is carried over (kept / moved / removed / data),
 * the `moved` and `removed` blocks that match nothing in the state (no-ops), and exits 1 if any
 * address is unaccounted for, i.e. if `terraform plan` would destroy it. Addresses match exactly.
 * With --state (`terraform show -json` output or a state file), Terraform itself plans the stack
 * against that state offline (scripts/terraform, when terraform and the plugin mirror are here) and
 * the report exits 1 on a stateful destroy or an unintended stateful replacement. Without the
 * engine, or with --tables, replacements are predicted from the force-new tables instead.
 * Default inputs: cdktf.out/stacks/connect-comprehensive-dev/cdk.tf.json and the original state list
 * in docs/migration/. Use `terraform state list > file` on your real state for --state-list.
 */
import { INTENDED_REPLACEMENTS } from "../../constructs/migration/intended-replacements";
import {
  flattenState,
  formatReplacement,
  previewReplacements,
  type Replacement,
  type ShowJson,
  type StackConfig,
} from "../../constructs/migration/replacement-preview";
import {
  buildLedger,
  DISPOSITIONS,
  noOpMoves,
  noOpRemovals,
  parseStateList,
  summarize,
} from "../../constructs/migration/ledger";
import { dirname, join, resolve } from "node:path";
import { readInputFile, readJsonInput, UsageError, type CliOutput, type ParsedCli } from "./cli-args";
import { findEngine, locateEngine } from "../terraform/engine";
import { planOffline } from "../terraform/offline-plan";
import type { TerraformConfig } from "../terraform/offline-view";
import { formatPlanReport, type PlanReport } from "../terraform/plan-report";
import { isStateV4, stateToShow, type StateV4 } from "../terraform/state-input";

export const MIGRATION_REPORT_CLI = {
  name: "migration:report",
  summary:
    "How every address of the original state carries over; with --state, the replacements it predicts. Exit 1 if anything would be destroyed or a stateful resource replaced unintended.",
  flags: {
    "state-list": {
      type: "string",
      value: "file",
      help: "terraform state list of the state to migrate (default: the original's, docs/migration/)",
    },
    state: {
      type: "string",
      value: "file",
      help: "terraform show -json of that state (or the state file): also plans it with terraform",
    },
    tables: {
      type: "boolean",
      help: "with --state: predict replacements from the force-new tables, not with terraform",
    },
    json: { type: "boolean", help: "print the report as JSON on stdout" },
  },
  positionals: { name: "cdk.tf.json", max: 1 },
} as const;

const DEFAULT_SYNTH = "cdktf.out/stacks/connect-comprehensive-dev/cdk.tf.json";
const DEFAULT_STATE_LIST = "docs/migration/original-state-list.txt";
/** One state address a line: `[module.m.]type.name[key]`; anything else is not terraform state list output. */
const STATE_ADDRESS = /^(module\.[\w-]+(\[[^\]]+\])?\.)*(data\.)?[\w-]+\.[\w-]+(\[[^\]]+\])?$/;

function readStateList(path: string): string[] {
  const expected = "the output of terraform state list";
  const text = readInputFile(path, expected);
  const lines = text.split("\n");
  const bad = lines.findIndex((line) => {
    const address = line.trim();
    return (
      address !== "" && !address.startsWith("#") && !address.includes("[*]") && !STATE_ADDRESS.test(address)
    );
  });
  if (bad >= 0)
    throw new UsageError(
      `${path}:${bad + 1}: "${lines[bad]!.trim().slice(0, 80)}" is not a state address: expected ${expected}`,
    );
  try {
    return parseStateList(text);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** Terraform's own plan of the stack against the state, or why it cannot run here. */
async function realPlan(
  synthPath: string,
  config: StackConfig,
  state: ShowJson | StateV4,
  out: CliOutput,
): Promise<PlanReport> {
  const engine = await findEngine();
  const result = await planOffline({
    engine,
    stack: config as TerraformConfig,
    stackDir: dirname(resolve(synthPath)),
    workDir: join("cdktf.out", "plan", "migration"),
    cacheDir: join("node_modules", ".cache", "connect-plan"),
    state: state as StateV4,
    progress: (line) => out.stderr(`migration:report: ${line}\n`),
  });
  return result.report;
}

export async function migrationReportMain(
  { flags, positionals }: ParsedCli<typeof MIGRATION_REPORT_CLI.flags>,
  out: CliOutput,
): Promise<number> {
  if (flags.state !== undefined && flags["state-list"] !== undefined)
    throw new UsageError(
      "--state and --state-list are alternatives: give one (--state lists its own addresses)",
    );
  const synthPath = positionals[0] ?? DEFAULT_SYNTH;
  const config = readJsonInput(
    synthPath,
    positionals[0] === undefined
      ? "the synthesized stack: run npm run synth first"
      : "a synthesized cdk.tf.json",
  ) as StackConfig;
  if (flags.tables && flags.state === undefined) throw new UsageError("--tables goes with --state");
  const stateInput =
    flags.state === undefined
      ? undefined
      : (readJsonInput(flags.state, "the output of terraform show -json, or a state file") as
          ShowJson | StateV4);
  const show =
    stateInput === undefined
      ? undefined
      : isStateV4(stateInput)
        ? (stateToShow(stateInput) as ShowJson)
        : stateInput;
  let stateList: string[];
  if (show === undefined) stateList = readStateList(flags["state-list"] ?? DEFAULT_STATE_LIST);
  else {
    try {
      stateList = flattenState(show).map((r) => r.address);
    } catch (error) {
      throw new UsageError(`${flags.state}: ${(error as Error).message}`);
    }
  }
  const asJson = flags.json === true;
  const ledger = buildLedger(stateList, config);
  const noOps = noOpMoves(stateList, config);
  const noOpRemoved = noOpRemovals(stateList, config);
  const unaccounted = ledger.filter((e) => e.disposition === "unaccounted").map((e) => e.address);
  // Terraform decides where it can run; the tables are the fallback, and say so.
  const missing = locateEngine();
  const useTerraform = stateInput !== undefined && !flags.tables && !("missing" in missing);
  const plan = useTerraform ? await realPlan(synthPath, config, stateInput, out) : undefined;
  const replacements: Replacement[] =
    show && !plan ? previewReplacements(show, config, INTENDED_REPLACEMENTS) : [];
  const blocking = plan ? plan.blocking : replacements.filter((r) => r.stateful && !r.intended);
  const status = unaccounted.length === 0 && blocking.length === 0 ? 0 : 1;
  const predictedBy = plan
    ? "terraform plan"
    : show
      ? `force-new tables${flags.tables ? "" : ` (${"missing" in missing ? missing.missing : ""})`}`
      : undefined;

  if (asJson) {
    const report = {
      ...(predictedBy ? { replacementsBy: predictedBy } : {}),
      ...(plan ? { plan } : {}),
      replacements: replacements.map(({ address, from, attribute, old, new: next, intended }) => ({
        address,
        from,
        attribute,
        old,
        new: next,
        ...(intended ? { intended } : {}),
      })),
      noOpMoves: noOps,
      noOpRemovals: noOpRemoved.map((r) => r.from),
      unaccounted,
      ledger,
    };
    out.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return status;
  }
  for (const disposition of DISPOSITIONS) {
    const entries = ledger.filter((e) => e.disposition === disposition);
    if (entries.length === 0) continue;
    out.stdout(`\n${disposition} (${entries.length})\n`);
    for (const e of entries) out.stdout(`  ${e.address}${e.detail ? `  →  ${e.detail}` : ""}\n`);
  }
  if (noOps.length > 0) {
    out.stdout(`\nno-op moves (${noOps.length}): source not in this state, accounts for nothing\n`);
    for (const m of noOps) out.stdout(`  ${m.from}  →  ${m.to}\n`);
  }
  if (noOpRemoved.length > 0) {
    out.stdout(`\nno-op removals (${noOpRemoved.length}): not in this state, nothing to forget here\n`);
    for (const r of noOpRemoved)
      out.stdout(`  ${r.from}${r["//"]?.reason ? `  →  ${r["//"].reason}` : ""}\n`);
  }
  if (plan) {
    out.stdout(`\nterraform plan against ${flags.state}\n${formatPlanReport(plan).join("\n")}\n`);
  } else if (show) {
    out.stdout(
      `\npredicted replacements (${replacements.length}), from the force-new tables, a model of the providers${flags.tables ? "" : `: ${predictedBy}`}\n`,
    );
    for (const r of replacements) out.stdout(`${formatReplacement(r)}\n`);
    if (blocking.length > 0) {
      out.stdout(
        `\n${blocking.length} replacement(s) of resources that hold data or serve traffic are not intended: fix the configuration, or list them with a reason in constructs/migration/intended-replacements.ts\n`,
      );
    }
  }
  const counts = summarize(ledger);
  out.stdout(
    `\n${ledger.length} addresses: ${DISPOSITIONS.map((d) => `${counts[d]} ${d}`).join(", ")}; ${noOps.length} no-op moves; ${noOpRemoved.length} no-op removals${plan ? `; terraform plans ${plan.counts.replace} replacements, ${plan.counts.destroy} destroys (${blocking.length} blocking)` : show ? `; ${replacements.length} predicted replacements (${blocking.length} blocking)` : ""}\n`,
  );
  return status;
}
