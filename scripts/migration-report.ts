/**
 * `npm run migration:report [-- <cdk.tf.json>] [--state-list <file>]`
 * Prints how every address of the original state is carried over (kept / moved / removed / data)
 * and exits 1 if any is unaccounted for, i.e. if `terraform plan` would destroy it.
 * Default inputs: cdktf.out/stacks/connect-comprehensive-dev/cdk.tf.json and the original state list
 * in docs/migration/. Use `terraform state list > file` on your real state for --state-list.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildLedger, parseStateList, summarize, type Disposition } from "../constructs/migration/ledger";

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const positional = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--state-list");
  const synthPath = resolve(positional[0] ?? "cdktf.out/stacks/connect-comprehensive-dev/cdk.tf.json");
  const listPath = resolve(argValue("--state-list") ?? "docs/migration/original-state-list.txt");
  for (const [what, path] of [
    ["synthesized stack", synthPath],
    ["state list", listPath],
  ]) {
    if (!existsSync(path)) {
      process.stderr.write(
        `migration:report: ${what} not found: ${path}${what === "synthesized stack" ? " (run npm run synth first)" : ""}\n`,
      );
      return 2;
    }
  }
  const ledger = buildLedger(
    parseStateList(readFileSync(listPath, "utf8")),
    JSON.parse(readFileSync(synthPath, "utf8")),
  );
  const order: Disposition[] = ["unaccounted", "removed", "moved", "kept", "data"];
  for (const disposition of order) {
    const entries = ledger.filter((e) => e.disposition === disposition);
    if (entries.length === 0) continue;
    process.stdout.write(`\n${disposition} (${entries.length})\n`);
    for (const e of entries) process.stdout.write(`  ${e.address}${e.detail ? `  →  ${e.detail}` : ""}\n`);
  }
  const counts = summarize(ledger);
  process.stdout.write(`\n${ledger.length} addresses: ${order.map((d) => `${counts[d]} ${d}`).join(", ")}\n`);
  return counts.unaccounted === 0 ? 0 : 1;
}

process.exit(main());
