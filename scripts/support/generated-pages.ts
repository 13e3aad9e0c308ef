/**
 * Writing or checking pages generated from the synthesized stack (runbooks, the architecture
 * picture), as `npm run flows:graph` does for the flows: `--check` writes nothing and exits 1 when
 * a committed page differs, is missing, or (in a folder the generator owns) is no longer generated.
 */
import {
  mkdtempSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { StackJson } from "../../constructs/rules/types";
import type { CliOutput } from "./cli-args";

export interface PagesTarget {
  /** Folder the pages go to. */
  readonly dir: string;
  /** The generator owns every .md file of the folder: others are reported (and removed on write). */
  readonly ownsFolder: boolean;
  /** The npm script that writes them, for the stale message. */
  readonly script: string;
  /** What the pages are generated from, for the messages ("the synthesized dev and prod stacks"). */
  readonly source: string;
}

/** Writes the pages, or with `check` compares them; returns the exit code. */
export function writeOrCheckPages(
  pages: ReadonlyMap<string, string>,
  target: PagesTarget,
  check: boolean,
  out: CliOutput,
): number {
  const { dir } = target;
  const shown = relative(process.cwd(), dir) || ".";
  const stale = [...pages].filter(
    ([file, text]) => !existsSync(join(dir, file)) || readFileSync(join(dir, file), "utf8") !== text,
  );
  const extra =
    target.ownsFolder && existsSync(dir)
      ? readdirSync(dir).filter((f) => f.endsWith(".md") && !pages.has(f))
      : [];
  if (check) {
    for (const [file] of stale) out.stdout(`stale: ${shown}/${file}\n`);
    for (const file of extra) out.stdout(`no longer generated: ${shown}/${file}\n`);
    const problems = stale.length + extra.length;
    out.stdout(
      problems === 0
        ? `${shown}: all ${pages.size} page(s) match ${target.source}\n`
        : `${shown}: ${problems} of ${pages.size} page(s) out of date with ${target.source}: run npm run ${target.script}\n`,
    );
    return problems > 0 ? 1 : 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const file of extra) rmSync(join(dir, file));
  for (const [file, text] of pages) writeFileSync(join(dir, file), text);
  out.stdout(`${shown}: ${pages.size} page(s), ${stale.length} changed, ${extra.length} removed\n`);
  return 0;
}

/**
 * Synthesizes environments as `npm run synth` does (into a scratch folder, so the last real synth's
 * output stays) and returns each one's JSON. CONNECT_CONFIG_FILE is ignored: the committed pages
 * describe the environments as the repository configures them.
 */
export async function synthesizeEnvironments(
  envs: readonly string[],
  progress: (line: string) => void,
): Promise<Array<{ env: string; json: StackJson }>> {
  const overrides = process.env.CONNECT_CONFIG_FILE;
  delete process.env.CONNECT_CONFIG_FILE;
  const outdir = mkdtempSync(join(tmpdir(), "stack-docs-"));
  try {
    // Loaded only to synthesize: --check of a usage error, and the tests that hand in a stack's
    // JSON, never pay for the app and cdktf (~1 s of CPU).
    const { synthesizeApp } = await import("./synth-app");
    const results: Array<{ env: string; json: StackJson }> = [];
    for (const env of envs) {
      progress(`synthesizing ${env}…`);
      const { json } = await synthesizeApp(["--context", `env=${env}`], progress, join(outdir, env));
      results.push({ env, json });
    }
    return results;
  } finally {
    if (overrides !== undefined) process.env.CONNECT_CONFIG_FILE = overrides;
    rmSync(outdir, { recursive: true, force: true });
  }
}
