import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { INTENDED_REPLACEMENTS } from "../../constructs/migration/intended-replacements";
import { judgeStackPlan, planOffline } from "../../scripts/terraform/offline-plan";
import type { TerraformConfig } from "../../scripts/terraform/offline-view";
import type { PlanReport } from "../../scripts/terraform/plan-report";
import type { StateV4 } from "../../scripts/terraform/state-input";
import { synthStack } from "../support/synth";
import { sliceStack } from "./support/slice";
import { CACHE_DIR, describeWithEngine, keptResult, realEngine, workDir } from "./support/real-engine";

/**
 * The original HCL stack's state as Terraform itself planned it from the original .tf files
 * (scripts/terraform/original-state.ts): not built from our own tables.
 */
const ORIGINAL_STATE = resolve(__dirname, "../migration/fixtures/original.tfstate");

/** Terraform's plan (kept while stack and state are unchanged), judged by today's code. */
async function plan(name: string, stack: TerraformConfig, state: StateV4): Promise<PlanReport> {
  const { changes, notes } = await keptResult(
    name,
    { kept: "resource_changes+notes", stack, state },
    async () => {
      const result = await planOffline({
        engine: await realEngine(),
        stack,
        stackDir: workDir(`${name}-stack`),
        workDir: workDir(name),
        cacheDir: CACHE_DIR,
        state,
      });
      return { changes: result.plan.resource_changes ?? [], notes: result.notes };
    },
  );
  return judgeStackPlan({ resource_changes: changes }, stack, notes);
}

describeWithEngine("the migration, proven by Terraform's own plan against the original's state", () => {
  // A whole-stack plan takes 30 s on an idle 2-core machine and minutes on a busy one.
  jest.setTimeout(600_000);
  const state = JSON.parse(readFileSync(ORIGINAL_STATE, "utf8")) as StateV4;
  const { json } = synthStack("dev");
  const stack = json as TerraformConfig;

  it("replaces only what is listed as intended, and destroys nothing that holds data or serves traffic", async () => {
    const report = await plan("migration-dev", stack, state);
    expect(report.blocking).toStrictEqual([]);
    expect(report.destroys.filter((d) => d.stateful)).toStrictEqual([]);
    // Every destroy is a removed block's, on purpose and with its reason (constructs/migration/retired.ts & co).
    expect(report.destroys.filter((d) => !d.intended).map((d) => d.address)).toStrictEqual([]);
    // Every replacement is on the list with its reason; a listed one that no longer happens is stale.
    const replaced = report.replacements.map((r) => r.address).sort();
    expect(
      report.replacements
        .filter((r) => !r.intended)
        .map((r) => `${r.address} (${r.paths.map((p) => p.path).join(", ")})`),
    ).toStrictEqual([]);
    const listedInPlace = INTENDED_REPLACEMENTS.filter((i) => i.from === undefined).map((i) => i.address);
    expect(replaced).toStrictEqual([...listedInPlace].sort());
    // Carried over, not recreated: Terraform follows the moved blocks.
    expect(report.counts.moved).toBeGreaterThan(60);
  });

  it("fails naming the resource and the attribute when a table is renamed or a bot gets another name", async () => {
    const mutated = structuredClone(stack);
    const table = mutated.resource!.aws_dynamodb_table!.security_auth_state_table!;
    table.name = `${String(table.name)}-renamed`;
    const bot = mutated.resource!.aws_lexv2models_bot!.lex_banking_bot!;
    bot.name = `${String(bot.name)}-renamed`;
    const roots = ["aws_dynamodb_table.security_auth_state_table", "aws_lexv2models_bot.lex_banking_bot"];
    const slice = sliceStack(mutated, state, roots);
    const report = await plan("migration-dev-renamed", slice.stack, slice.state);
    expect(
      report.blocking.map((f) => [f.address, f.previousAddress, f.paths.map((p) => p.path)]),
    ).toStrictEqual([
      [
        "aws_dynamodb_table.security_auth_state_table",
        "module.auth_state_table.aws_dynamodb_table.this",
        ["name"],
      ],
      ["aws_lexv2models_bot.lex_banking_bot", "module.lex_bot_banking.aws_lexv2models_bot.this", ["name"]],
    ]);
  });
});
