/**
 * The canary rollback through the normal config path: `flows.canaryPercent` set in the override
 * file the deploy reads (CONNECT_CONFIG_FILE), every other setting of that file kept, the result
 * validated by config/load.ts exactly as synth will validate it (an override cannot weaken a
 * protected setting; canaryPercent is not one), then the commands that deploy it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { loadConfig } from "../../config/load";
import { shellLine } from "./steps";
import { stamp } from "./state/where";

export interface RollbackPlan {
  readonly env: string;
  /** The override file written (absolute). */
  readonly file: string;
  /** Whether the file existed (it is then copied to `backup` first). */
  readonly existed: boolean;
  readonly backup: string | undefined;
  readonly from: number;
  readonly to: number;
  /** The file's new content. */
  readonly content: string;
  /** What to run next, in order. */
  readonly commands: readonly string[];
  readonly warnings: readonly string[];
}

function readOverrides(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error(`${file}: expected a JSON object of config overrides`);
  return parsed as Record<string, unknown>;
}

/**
 * Works out the rollback without writing anything.
 * @throws ConfigError when the file (or the result) is not a valid override of the environment
 */
export function planRollback(input: {
  env: string;
  file: string;
  percent: number;
  fileFromEnvironment: boolean;
  now: Date;
}): RollbackPlan {
  const file = resolve(input.file);
  const existed = existsSync(file);
  const current = readOverrides(file);
  const from = loadConfig({ env: input.env, overrides: current }).flows.canaryPercent;
  const flows = (current.flows ?? {}) as Record<string, unknown>;
  const next = { ...current, flows: { ...flows, canaryPercent: input.percent } };
  // The same validation synth runs: schema, unknown keys, protected settings.
  loadConfig({ env: input.env, overrides: next });
  const envVars = [`CONNECT_ENV=${input.env}`, `CONNECT_CONFIG_FILE=${file}`];
  const warnings = input.fileFromEnvironment
    ? []
    : [
        `CONNECT_CONFIG_FILE was not set: ${file} holds only this change over config/environments/${input.env}.ts. If your deploys use an override file (the bank's real subscribers, host names), rerun with --overrides <that file> instead.`,
      ];
  return {
    env: input.env,
    file,
    existed,
    backup: existed ? `${file}.${stamp(input.now)}.bak` : undefined,
    from,
    to: input.percent,
    content: `${JSON.stringify(next, null, 2)}\n`,
    commands: [
      `${shellLine(envVars)} npx cdktf diff`,
      `${shellLine(envVars)} npx cdktf deploy`,
      `${shellLine(envVars)} npm run smoke -- --env ${input.env}`,
    ],
    warnings,
  };
}

/** Writes the plan: the old file kept beside it first. */
export function applyRollback(plan: RollbackPlan): void {
  mkdirSync(dirname(plan.file), { recursive: true });
  if (plan.backup) copyFileSync(plan.file, plan.backup);
  writeFileSync(plan.file, plan.content);
}

/** The operator's report: what changes, what to run, what the diff must show. */
export function rollbackReport(plan: RollbackPlan, dryRun: boolean): string[] {
  const verb = dryRun ? "would set" : "set";
  return [
    `rollback: ${verb} flows.canaryPercent ${plan.from} → ${plan.to} in ${plan.file}${plan.backup ? ` (previous file ${dryRun ? "would be " : ""}kept as ${plan.backup})` : ""}`,
    ...plan.warnings.map((w) => `warning: ${w}`),
    dryRun ? "dry run: nothing written. The file would read:" : "the file now reads:",
    ...plan.content
      .trimEnd()
      .split("\n")
      .map((l) => `  ${l}`),
    "next, in this order:",
    ...plan.commands.map((c, i) => `  ${i + 1}. ${c}`),
    `the diff must show only the phone numbers' flow associations${plan.to === 0 ? " moving to the original entry flow" : ""} and the canary router flow (created, changed or destroyed); anything else is not this rollback: stop and read it.`,
  ];
}
