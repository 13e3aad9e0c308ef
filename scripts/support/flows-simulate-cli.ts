/**
 * `npm run flows:simulate` (scripts/flows-simulate.ts): walk contact-flow scenarios offline through
 * the rendered flows. A summary by default (one line per scenario, a failure's problems and path
 * in full); --paths prints every path, --coverage the share of each flow some scenario covered.
 */
import { statSync } from "node:fs";
import {
  coverage,
  formatCoverage,
  loadFlowSet,
  runScenarioFile,
  scenarioFiles,
  SCENARIO_DIR,
  type Run,
} from "../../constructs/flows/simulator";
import { UsageError, type CliOutput, type ParsedCli } from "./cli-args";

export const FLOWS_SIMULATE_CLI = {
  name: "flows:simulate",
  summary:
    "Walk call journeys (default: every scenario in contact_flows/scenarios) through the rendered flows. Exit 0 all met, 1 a scenario failed.",
  flags: {
    paths: {
      type: "boolean",
      help: "print every scenario's full path (failures always print theirs); with --coverage, every action not reached and branch not taken",
    },
    coverage: {
      type: "boolean",
      help: "add, per flow, the share of actions and branches some scenario took",
    },
  },
  positionals: { name: "scenario.yaml|folder" },
} as const;

function scenarioFilesOf(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${path} does not exist: expected a scenario file (.yaml) or a folder of them`);
  }
  if (!isFolder) return [path];
  const files = scenarioFiles(path);
  if (files.length === 0) throw new UsageError(`${path} holds no scenario files (.yaml, .yml)`);
  return files;
}

export function simulateScenarios(
  { flags, positionals }: ParsedCli<typeof FLOWS_SIMULATE_CLI.flags>,
  out: CliOutput,
): number {
  const files = (positionals.length === 0 ? [SCENARIO_DIR] : positionals).flatMap(scenarioFilesOf);
  const flows = loadFlowSet();
  const runs: Run[] = [];
  let failed = 0;
  for (const file of files) {
    let result;
    try {
      result = runScenarioFile(flows, file);
    } catch (error: unknown) {
      out.stdout(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      failed++;
      continue;
    }
    if (result.run !== undefined) runs.push(result.run);
    if (result.problems.length > 0) failed++;
    const full = flags.paths === true || result.problems.length > 0;
    out.stdout(`${full ? result.report : result.report.split("\n")[0]}\n`);
  }
  if (flags.coverage)
    out.stdout(`coverage:\n${formatCoverage(coverage(flows, runs), flags.paths === true)}\n`);
  out.stdout(`${files.length} scenario(s): ${files.length - failed} met, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
