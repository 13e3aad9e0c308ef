/**
 * Walk contact-flow scenarios offline through the rendered flows.
 *
 *   npm run flows:simulate -- [scenario.yaml|folder]... [--paths] [--coverage]
 *
 * Without paths: every scenario in contact_flows/scenarios. Prints one line per scenario (a
 * failure's problems and path in full) and a summary; --paths prints every path; --coverage adds,
 * per flow, the share of actions and branches some scenario took. Exit 0: all met; 1: a scenario
 * failed; 2: usage error.
 */
import { runCliProcess } from "./support/cli-args";
import { FLOWS_SIMULATE_CLI, simulateScenarios } from "./support/flows-simulate-cli";

runCliProcess(FLOWS_SIMULATE_CLI, simulateScenarios);
