/**
 * Walk contact-flow scenarios offline through the rendered flows.
 *
 *   npm run flows:simulate -- [scenario.yaml|folder]... [--coverage] [--brief]
 *
 * Without paths: every scenario in contact_flows/scenarios. Prints each scenario's outcome and
 * path (--brief: only failures' paths); --coverage adds, per flow, the share of actions and
 * branches some scenario took. Exit 0: all met; 1: a scenario failed; 2: usage error.
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
} from "../constructs/flows/simulator";

const USAGE = "usage: flows-simulate [scenario.yaml|folder]... [--coverage] [--brief]";

function main(argv: readonly string[]): number {
  const options = new Set(argv.filter((a) => a.startsWith("-")));
  for (const o of options) {
    if (o !== "--coverage" && o !== "--brief") {
      process.stderr.write(`flows-simulate: unknown option ${o}\n${USAGE}\n`);
      return 2;
    }
  }
  const paths = argv.filter((a) => !a.startsWith("-"));
  let files: string[];
  try {
    files = (paths.length === 0 ? [SCENARIO_DIR] : paths).flatMap((p) =>
      statSync(p).isDirectory() ? scenarioFiles(p) : [p],
    );
  } catch (error: unknown) {
    process.stderr.write(
      `flows-simulate: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
    );
    return 2;
  }
  const flows = loadFlowSet();
  const runs: Run[] = [];
  let failed = 0;
  for (const file of files) {
    let result;
    try {
      result = runScenarioFile(flows, file);
    } catch (error: unknown) {
      process.stdout.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      failed++;
      continue;
    }
    if (result.run !== undefined) runs.push(result.run);
    if (result.problems.length > 0) failed++;
    const text =
      options.has("--brief") && result.problems.length === 0 ? result.report.split("\n")[0] : result.report;
    process.stdout.write(`${text}\n`);
  }
  if (options.has("--coverage"))
    process.stdout.write(`coverage:\n${formatCoverage(coverage(flows, runs))}\n`);
  process.stdout.write(`${files.length} scenario(s): ${files.length - failed} met, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
