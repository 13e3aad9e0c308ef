import { readdirSync } from "node:fs";
import { join } from "node:path";
import { formatPath, simulate, SimulationError, unusedSteps, type Run } from "./engine";
import { unmetExpectations } from "./expectations";
import type { FlowSet } from "./flow-set";
import { loadScenario, type Scenario } from "./scenario";

export { coverage, formatCoverage, totals, type FlowCoverage } from "./coverage";
export {
  branchesOf,
  formatPath,
  simulate,
  SimulationError,
  type Outcome,
  type PathStep,
  type Run,
} from "./engine";
export { loadFlowSet, type FlowSet, type SimAction, type SimFlow } from "./flow-set";
export { loadScenario, type Scenario } from "./scenario";

/** Folder of the shipped scenario files. */
export const SCENARIO_DIR = join(__dirname, "..", "..", "..", "contact_flows", "scenarios");

export function scenarioFiles(dir: string = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => join(dir, f));
}

/** A scenario's result: the run (when the walk completed) and every problem, with the path. */
export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly run?: Run;
  readonly problems: readonly string[];
  /** Report text: outcome, problems and the path taken. */
  readonly report: string;
}

function describeOutcome(run: Run): string {
  const o = run.outcome;
  if (o.kind === "queue")
    return `queued in ${o.queue}${o.priority === undefined ? "" : ` with priority ${o.priority}`}`;
  if (o.kind === "callback") return `callback queued in ${o.queue}, caller disconnected`;
  if (o.kind === "stopped") return `stopped at ${o.at}`;
  return o.kind === "disconnect" ? "disconnected" : "flow ended";
}

/** Run one scenario and check its expectations; never throws for a flow or scenario problem. */
export function runScenario(flows: FlowSet, scenario: Scenario): ScenarioResult {
  let run: Run;
  try {
    run = simulate(flows, scenario);
  } catch (error: unknown) {
    if (!(error instanceof SimulationError)) throw error;
    const report = `${scenario.name}: FAILED\n  ${error.message}\n  path so far:\n${formatPath(error.path)}`;
    return { scenario, problems: [error.message], report };
  }
  const problems = [
    ...unusedSteps(scenario, run).map((n) => `step ${n} was never used: the contact did not wait for it`),
    ...run.unusedFaults.map((f) => `fault on ${f} was never applied: the contact did not run that block`),
    ...unmetExpectations(scenario.expect, run),
  ];
  const status = problems.length === 0 ? "ok" : "FAILED";
  const report = [
    `${scenario.name}: ${status} (${describeOutcome(run)})`,
    ...problems.map((p) => `  - ${p}`),
    "  path:",
    formatPath(run.path),
  ].join("\n");
  return { scenario, run, problems, report };
}

export function runScenarioFile(flows: FlowSet, file: string): ScenarioResult {
  return runScenario(flows, loadScenario(file));
}
