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
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
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

const VALUE_FLAGS = new Set(["--state-list", "--state"]);

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function readInput(what: string, path: string, hint = ""): string {
  if (!existsSync(path)) throw new Error(`${what} not found: ${path}${hint}`);
  return readFileSync(path, "utf8");
}

function main(): number {
  const args = process.argv.slice(2);
  const positional = args.filter((a, i) => !a.startsWith("--") && !VALUE_FLAGS.has(args[i - 1] ?? ""));
  const synthPath = resolve(positional[0] ?? "cdktf.out/stacks/connect-comprehensive-dev/cdk.tf.json");
  const statePath = argValue("--state");
  const listPath = resolve(argValue("--state-list") ?? "docs/migration/original-state-list.txt");
  const asJson = args.includes("--json");

  const config = JSON.parse(
    readInput("synthesized stack", synthPath, " (run npm run synth first)"),
  ) as StackConfig;
  const show = statePath
    ? (JSON.parse(readInput("state JSON (terraform show -json)", resolve(statePath))) as ShowJson)
    : undefined;
  const stateList = show
    ? flattenState(show).map((r) => r.address)
    : parseStateList(readInput("state list", listPath));
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

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`migration:report: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
