/**
 * Write Mermaid diagrams of every flow and module, and the call-graph index, to docs/flows/.
 *
 *   npm run flows:graph            write the pages
 *   npm run flows:graph -- --check exit 1 when a committed page differs (what the test checks)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { diagramPages } from "../constructs/flows/diagrams";
import { loadFlowSet } from "../constructs/flows/simulator";

const OUT = join(__dirname, "..", "docs", "flows");

function main(argv: readonly string[]): number {
  const check = argv.includes("--check");
  const pages = diagramPages(loadFlowSet());
  const stale = [...pages].filter(
    ([file, text]) => !existsSync(join(OUT, file)) || readFileSync(join(OUT, file), "utf8") !== text,
  );
  const extra = existsSync(OUT) ? readdirSync(OUT).filter((f) => f.endsWith(".md") && !pages.has(f)) : [];
  if (check) {
    for (const [file] of stale) process.stdout.write(`stale: docs/flows/${file}\n`);
    for (const file of extra) process.stdout.write(`no longer generated: docs/flows/${file}\n`);
    return stale.length + extra.length > 0 ? 1 : 0;
  }
  mkdirSync(OUT, { recursive: true });
  for (const file of extra) rmSync(join(OUT, file));
  for (const [file, text] of pages) writeFileSync(join(OUT, file), text);
  process.stdout.write(
    `docs/flows: ${pages.size} page(s), ${stale.length} changed, ${extra.length} removed\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
