/**
 * `npm run rollback -- --env <name> [--overrides <file>] [--percent N] [--dry-run]`
 *
 * Emergency rollback of the voice cutover: sets `flows.canaryPercent` to 0 (every caller on the
 * original entry flow), or N, in the override file the deploy reads (CONNECT_CONFIG_FILE, or
 * --overrides; else cdktf.out/rollback/<env>.json), validated as synth validates it, then prints
 * the exact diff and deploy commands. Nothing is deployed here: the operator reads the diff first.
 * Exit 0 written (or planned, with --dry-run), 1 the config refuses it, 2 usage.
 */
import { join } from "node:path";
import { ConfigError } from "../config/load";
import { applyRollback, planRollback, rollbackReport } from "./deploy-day/rollback";
import {
  runCliProcess,
  UsageError,
  wholeNumberFlag,
  type CliOutput,
  type ParsedCli,
} from "./support/cli-args";

const CLI = {
  name: "rollback",
  summary:
    "Sets flows.canaryPercent (default 0: everyone on the original entry flow) in the deploy's override file and prints the diff/deploy commands.",
  flags: {
    env: { type: "string", value: "name", help: "environment to roll back (default: CONNECT_ENV, else dev)" },
    overrides: {
      type: "string",
      value: "file",
      help: "the override JSON the deploy uses (default: CONNECT_CONFIG_FILE, else cdktf.out/rollback/<env>.json)",
    },
    percent: {
      type: "string",
      value: "0-100",
      help: "share of callers on the new voice entry flow (default 0)",
    },
    "dry-run": { type: "boolean", help: "print what would be written and the commands; write nothing" },
  },
} as const;

async function main({ flags }: ParsedCli<typeof CLI.flags>, out: CliOutput): Promise<number> {
  const env = flags.env ?? process.env.CONNECT_ENV ?? "dev";
  const percent = wholeNumberFlag("percent", flags.percent, 0, 0, 100);
  const fromEnvironment = !flags.overrides && !!process.env.CONNECT_CONFIG_FILE;
  const file =
    flags.overrides ?? process.env.CONNECT_CONFIG_FILE ?? join("cdktf.out", "rollback", `${env}.json`);
  let plan;
  try {
    plan = planRollback({
      env,
      file,
      percent,
      fileFromEnvironment: fromEnvironment || !!flags.overrides,
      now: new Date(),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      out.stderr(`rollback: the config refuses it:\n${error.message}\n`);
      return 1;
    }
    if (error instanceof SyntaxError) throw new UsageError(`${file} is not valid JSON (${error.message})`);
    throw error;
  }
  const dryRun = flags["dry-run"] === true;
  if (!dryRun) applyRollback(plan);
  out.stdout(`${rollbackReport(plan, dryRun).join("\n")}\n`);
  return 0;
}

runCliProcess(CLI, main);
