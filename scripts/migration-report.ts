/**
 * `npm run migration:report [-- <cdk.tf.json>] [--state-list <file> | --state <show.json>] [--json]`
 * Prints how every address of the original state is carried over (kept / moved / removed / data),
 * the `moved` and `removed` blocks that match nothing in the state (no-ops), and exits 1 if any
 * address is unaccounted for, i.e. if `terraform plan` would destroy it. Addresses match exactly.
 * With --state (`terraform show -json > file`), it also predicts replacements of carried-over
 * resources and exits 1 on one of a stateful resource that is not listed as intended.
 * Default inputs: cdktf.out/stacks/connect-comprehensive-dev/cdk.tf.json and the original state list
 * in docs/migration/. Use `terraform state list > file` on your real state for --state-list.
 */
import { INTENDED_REPLACEMENTS } from "../constructs/migration/intended-replacements";
import {
  flattenState,
  formatReplacement,
  previewReplacements,
  type Replacement,
  type ShowJson,
  type StackConfig,
} from "../constructs/migration/replacement-preview";
import {
  buildLedger,
  DISPOSITIONS,
  noOpMoves,
  noOpRemovals,
  parseStateList,
  summarize,
} from "../constructs/migration/ledger";
import { readInputFile, readJsonInput, runCliProcess, UsageError, type ParsedCli } from "./support/cli-args";

const CLI = {
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
      help: "terraform show -json of that state: also predicts replacements",
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

function main({ flags, positionals }: ParsedCli<typeof CLI.flags>): number {
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
  const show =
    flags.state === undefined
      ? undefined
      : (readJsonInput(flags.state, "the output of terraform show -json") as ShowJson);
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
  const replacements: Replacement[] = show ? previewReplacements(show, config, INTENDED_REPLACEMENTS) : [];
  const blocking = replacements.filter((r) => r.stateful && !r.intended);
  const status = unaccounted.length === 0 && blocking.length === 0 ? 0 : 1;

  if (asJson) {
    const report = {
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
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return status;
  }
  for (const disposition of DISPOSITIONS) {
    const entries = ledger.filter((e) => e.disposition === disposition);
    if (entries.length === 0) continue;
    process.stdout.write(`\n${disposition} (${entries.length})\n`);
    for (const e of entries) process.stdout.write(`  ${e.address}${e.detail ? `  →  ${e.detail}` : ""}\n`);
  }
  if (noOps.length > 0) {
    process.stdout.write(`\nno-op moves (${noOps.length}): source not in this state, accounts for nothing\n`);
    for (const m of noOps) process.stdout.write(`  ${m.from}  →  ${m.to}\n`);
  }
  if (noOpRemoved.length > 0) {
    process.stdout.write(
      `\nno-op removals (${noOpRemoved.length}): not in this state, nothing to forget here\n`,
    );
    for (const r of noOpRemoved)
      process.stdout.write(`  ${r.from}${r["//"]?.reason ? `  →  ${r["//"].reason}` : ""}\n`);
  }
  if (show) {
    process.stdout.write(`\npredicted replacements (${replacements.length})\n`);
    for (const r of replacements) process.stdout.write(`${formatReplacement(r)}\n`);
    if (blocking.length > 0) {
      process.stdout.write(
        `\n${blocking.length} replacement(s) of resources that hold data or serve traffic are not intended: fix the configuration, or list them with a reason in constructs/migration/intended-replacements.ts\n`,
      );
    }
  }
  const counts = summarize(ledger);
  process.stdout.write(
    `\n${ledger.length} addresses: ${DISPOSITIONS.map((d) => `${counts[d]} ${d}`).join(", ")}; ${noOps.length} no-op moves; ${noOpRemoved.length} no-op removals${show ? `; ${replacements.length} predicted replacements (${blocking.length} blocking)` : ""}\n`,
  );
  return status;
}

runCliProcess(CLI, main);
