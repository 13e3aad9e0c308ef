/**
 * Synthesize the stack and print the stack-rule report alone.
 *
 *   npm run rules -- [--env prod] [--json]
 *
 * Exit 0: no rule errors (warnings allowed); 1: at least one error or a config problem; 2: usage error.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorsOf, formatReport, runRules } from "../constructs/rules";
import { synthesizeApp } from "./support/synth-app";

const USAGE = "usage: rules [--env <name>] [--json]";

function parseArgs(argv: readonly string[]): { env?: string; json: boolean } {
  let env: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--env" && argv[i + 1] && !argv[i + 1].startsWith("-")) env = argv[++i];
    else if (arg.startsWith("--env=")) env = arg.slice(6);
    else throw new Error(`${USAGE}\nunknown or incomplete argument "${arg}"`);
  }
  return { ...(env ? { env } : {}), json };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  // A scratch output folder: the report alone must not replace the last real synth's output.
  const outdir = mkdtempSync(join(tmpdir(), "stack-rules-"));
  try {
    const { config, json } = await synthesizeApp(
      args.env ? ["--context", `env=${args.env}`] : [],
      () => undefined,
      outdir,
    );
    const report = runRules(json, {
      production: config.environment === "prod",
      suppressions: config.rules.suppressions,
    });
    process.stdout.write(
      args.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : formatReport(report)
            .map((l) => `${l}\n`)
            .join(""),
    );
    return errorsOf(report).length > 0 ? 1 : 0;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
