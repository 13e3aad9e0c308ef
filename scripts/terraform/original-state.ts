/**
 * The original stack's state, made by Terraform itself from the original HCL, offline:
 *
 *   npx tsx scripts/terraform/original-state.ts <original checkout | its git dir> [--out <file>] [--rev <commit>]
 *
 * (default --out __tests__/migration/fixtures/original.tfstate). The original
 * (`connect_comprehensive_stack` + `resources/`, default variables) is copied to
 * cdktf.out/original-state/, shimmed (original-shim.ts), and planned with the real terraform and
 * the AWS provider of the plugin mirror (engine.ts, the STS stub as its only endpoint). Round 1
 * plans with no state; its planned values, unknowns filled by stand-ins.ts, become a state; every
 * further round plans the original again against that state (-refresh=false), so Terraform itself
 * resolves each reference to an id or ARN, and takes what it plans into the state. It stops when
 * a round plans no change. The state is then compared with the original's `terraform state list`
 * (docs/migration/original-state-list.txt): every address must be there except the set-aside ones.
 * The same input gives a byte-identical file. Exit 0 done; 1 no convergence, an address missing or
 * extra, or terraform refused; 2 usage; 3 terraform or the mirror is missing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseStateList } from "../../constructs/migration/ledger";
import {
  readInputFile,
  runCliProcess,
  UsageError,
  type CliOutput,
  type ParsedCli,
} from "../support/cli-args";
import { EngineMissingError, findEngine, providerSchema, Workspace, type Engine } from "./engine";
import { DEFAULT_ACCOUNT_ID } from "./offline-plan";
import { prepareOriginal, type OriginalSource } from "./original-source";
import { compareWithList } from "./original-list";
import { STAND_IN_TIME } from "./stand-in-rules";
import { stateFromPlan, type PlanForState } from "./state-from-plan";
import type { StateV4 } from "./state-input";
import { startStsStub } from "./sts-stub";

const DEFAULT_OUT = "__tests__/migration/fixtures/original.tfstate";
const DEFAULT_LIST = "docs/migration/original-state-list.txt";

const CLI = {
  name: "migration:original-state",
  summary:
    "Writes the original stack's state (v4), planned by Terraform from the original HCL offline, and checks it holds every address of the original's state list.",
  flags: {
    out: {
      type: "string",
      value: "file",
      help: `state file to write (default ${DEFAULT_OUT})`,
    },
    rev: { type: "string", value: "commit", help: "revision of a git directory input (default HEAD)" },
    "state-list": {
      type: "string",
      value: "file",
      help: `the original's terraform state list (default ${DEFAULT_LIST})`,
    },
  },
  // Checked in main, so that --help works without one.
  positionals: { name: "original checkout or git dir", max: 1 },
} as const;

const WORK_DIR = "cdktf.out/original-state";
/** The original's default region (variables.tf `region`). */
export const ORIGINAL_REGION = "eu-west-2";
/** Three or four rounds settle the original; more means something never converges. */
const MAX_ROUNDS = 8;

/**
 * Offline settings merged into the original's two aws providers, the default and `us_east_1` (an
 * override file, not an edit of providers.tf).
 */
function providerOverride(stsUrl: string): string {
  const settings = [
    'access_key = "offline-plan"',
    'secret_key = "offline-plan"',
    "skip_credentials_validation = true",
    "skip_requesting_account_id  = true",
    "skip_metadata_api_check     = true",
    "skip_region_validation      = true",
    "max_retries                 = 1",
    `endpoints {\n    sts = ${JSON.stringify(stsUrl)}\n  }`,
  ];
  const block = (alias?: string) =>
    `provider "aws" {\n${alias ? `  alias = "${alias}"\n` : ""}${settings.map((s) => `  ${s}\n`).join("")}}\n`;
  return `# Written by scripts/terraform/original-state.ts: the offline engine's provider settings.\n${block()}${block("us_east_1")}`;
}

interface Change {
  readonly address: string;
  readonly mode: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
  };
}

/** Top-level attributes whose planned value differs from the state's. */
function changedAttributes(change: Change["change"]): string[] {
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = (change.after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
}

async function converge(
  engine: Engine,
  source: OriginalSource,
  accountId: string,
  progress: (line: string) => void,
): Promise<StateV4> {
  const schema = await providerSchema(engine, join(resolve(WORK_DIR), "schema"));
  const stub = await startStsStub(accountId);
  try {
    writeFileSync(join(source.rootDir, "offline_override.tf"), providerOverride(stub.url));
    const workspace = new Workspace(engine, source.rootDir, stub);
    await workspace.init();
    const ruled = new Map<string, Set<string>>();
    let state: StateV4 | undefined;
    let reported = 0;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const started = Date.now();
      const statePath = join(source.rootDir, "terraform.tfstate");
      if (state) writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);
      const planText = await workspace.planJson();
      // Kept beside the source for a look at what a round planned.
      writeFileSync(join(source.rootDir, `round-${round}.plan.json`), planText);
      const plan = JSON.parse(planText) as PlanForState & { resource_changes?: readonly Change[] };
      const changes = (plan.resource_changes ?? []).filter(
        (c) => c.mode === "managed" && !(c.change.actions.length === 1 && c.change.actions[0] === "no-op"),
      );
      const next = stateFromPlan(plan, {
        schema,
        defaultRegion: ORIGINAL_REGION,
        accountId,
        terraformVersion: engine.terraformVersion,
        ruled,
      }).state;
      const tally = new Map<string, number>();
      for (const c of changes)
        tally.set(c.change.actions.join("+"), (tally.get(c.change.actions.join("+")) ?? 0) + 1);
      progress(
        `round ${round}: terraform plan ${state ? `against a state of ${state.resources.length}` : "with no state"}: ${
          changes.length === 0 ? "no changes" : [...tally].map(([a, n]) => `${n} ${a}`).join(", ")
        } (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      const refused = [...new Set(stub.refused)];
      if (refused.length > reported)
        progress(`  network calls refused (terraform went on): ${refused.join(", ")}`);
      reported = refused.length;
      const same = state !== undefined && JSON.stringify(next.resources) === JSON.stringify(state.resources);
      if (changes.length === 0 && same) return next;
      if (round === MAX_ROUNDS) {
        const detail = changes.map(
          (c) => `  ${c.address} (${c.change.actions.join("+")}): ${changedAttributes(c.change).join(", ")}`,
        );
        throw new Error(`no convergence after ${MAX_ROUNDS} rounds; still changing:\n${detail.join("\n")}`);
      }
      state = next;
    }
    throw new Error("unreachable");
  } finally {
    await stub.close();
  }
}

async function main({ flags, positionals }: ParsedCli<typeof CLI.flags>, out: CliOutput): Promise<number> {
  const progress = (line: string) => out.stderr(`original-state: ${line}\n`);
  const input = positionals[0];
  if (input === undefined) throw new UsageError("no original checkout or git dir given");
  const listPath = flags["state-list"] ?? DEFAULT_LIST;
  const list = parseStateList(readInputFile(listPath, "the output of terraform state list"));
  const outPath = resolve(flags.out ?? DEFAULT_OUT);
  let engine: Engine;
  try {
    engine = await findEngine();
  } catch (error) {
    if (error instanceof EngineMissingError) {
      out.stderr(`${CLI.name}: not run: ${error.message}\n`);
      return 3;
    }
    throw error;
  }
  const started = Date.now();
  const source = prepareOriginal(input, join(WORK_DIR, "src"), {
    region: ORIGINAL_REGION,
    accountId: DEFAULT_ACCOUNT_ID,
    applyTime: STAND_IN_TIME,
    ...(flags.rev ? { revision: flags.rev } : {}),
  });
  progress(
    `original at ${source.revision}: ${source.modules.length} module folders shimmed, ${source.setAside.length} blocks set aside`,
  );
  const state = await converge(engine, source, DEFAULT_ACCOUNT_ID, progress);
  const comparison = compareWithList(state, list);
  const lines = [
    `${comparison.present.length} of ${list.length} addresses of ${listPath} in the state; ${comparison.setAside.length} set aside:`,
    ...comparison.setAside.map((s) => `  ${s.address}: ${s.why}`),
  ];
  if (comparison.missing.length > 0)
    lines.push(`MISSING (${comparison.missing.length}):`, ...comparison.missing.map((a) => `  ${a}`));
  if (comparison.extra.length > 0)
    lines.push(`NOT IN THE LIST (${comparison.extra.length}):`, ...comparison.extra.map((a) => `  ${a}`));
  out.stdout(`${lines.join("\n")}\n`);
  if (comparison.missing.length > 0 || comparison.extra.length > 0) return 1;
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(state, null, 2)}\n`);
  out.stdout(
    `wrote ${outPath}: ${state.resources.length} resources from ${source.revision}, terraform ${engine.terraformVersion}, hashicorp/aws ${engine.awsVersion}, in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  return 0;
}

runCliProcess(CLI, main);
