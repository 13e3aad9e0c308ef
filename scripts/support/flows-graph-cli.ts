/**
 * `npm run flows:graph` (scripts/flows-graph.ts): the Mermaid diagram of every flow and module,
 * and the call-graph index, in docs/flows/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { diagramPages } from "../../constructs/flows/diagrams";
import { loadFlowSet } from "../../constructs/flows/simulator";
import type { CliOutput, ParsedCli } from "./cli-args";

export const FLOWS_GRAPH_CLI = {
  name: "flows:graph",
  summary: "Write the Mermaid diagrams of every rendered flow and module to docs/flows/.",
  flags: {
    check: {
      type: "boolean",
      help: "write nothing; exit 1 if a page in docs/flows/ differs from the rendered flows",
    },
  },
} as const;

/** The pages' folder; a parameter so tests can point it elsewhere. */
export const OUT = join(__dirname, "..", "..", "docs", "flows");

export function graph({ flags }: ParsedCli<typeof FLOWS_GRAPH_CLI.flags>, out: CliOutput, dir = OUT): number {
  const flows = loadFlowSet();
  const pages = diagramPages(flows);
  const shown = relative(process.cwd(), dir) || ".";
  const stale = [...pages].filter(
    ([file, text]) => !existsSync(join(dir, file)) || readFileSync(join(dir, file), "utf8") !== text,
  );
  const extra = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".md") && !pages.has(f)) : [];
  if (flags.check) {
    for (const [file] of stale) out.stdout(`stale: ${shown}/${file}\n`);
    for (const file of extra) out.stdout(`no longer generated: ${shown}/${file}\n`);
    const problems = stale.length + extra.length;
    out.stdout(
      problems === 0
        ? `${shown}: all ${pages.size} page(s) match the ${flows.size} rendered flows and modules\n`
        : `${shown}: ${problems} of ${pages.size} page(s) out of date with the rendered flows: run npm run flows:graph\n`,
    );
    return problems > 0 ? 1 : 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const file of extra) rmSync(join(dir, file));
  for (const [file, text] of pages) writeFileSync(join(dir, file), text);
  out.stdout(`${shown}: ${pages.size} page(s), ${stale.length} changed, ${extra.length} removed\n`);
  return 0;
}
