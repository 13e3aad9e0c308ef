/**
 * Write Mermaid diagrams of every flow and module, and the call-graph index, to docs/flows/.
 *
 *   npm run flows:graph             write the pages
 *   npm run flows:graph -- --check  compare only: exit 1 when a committed page differs (what the test checks)
 */
import { runCliProcess } from "./support/cli-args";
import { FLOWS_GRAPH_CLI, graph } from "./support/flows-graph-cli";

runCliProcess(FLOWS_GRAPH_CLI, (args, out) => graph(args, out));
