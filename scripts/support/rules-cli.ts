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
import { errorsOf, formatReport, runRules } from "../../constructs/rules";
import { type CliOutput, type ParsedCli } from "./cli-args";

export const RULES_CLI = {
  name: "rules",
  summary:
    "Synthesize the stack into a scratch folder and print the stack-rule report alone. Exit 0 no errors, 1 rule errors or a config problem.",
  flags: {
    env: { type: "string", value: "name", help: "environment to synthesize (default: dev, or CONNECT_ENV)" },
    json: {
      type: "boolean",
      help: "print the report as JSON, alone on stdout (use npm run -s to drop npm's banner)",
    },
  },
} as const;

export async function rulesMain(
  { flags }: ParsedCli<typeof RULES_CLI.flags>,
  out: CliOutput,
): Promise<number> {
  // A scratch output folder: the report alone must not replace the last real synth's output.
  const outdir = mkdtempSync(join(tmpdir(), "stack-rules-"));
  try {
    // Loaded only to synthesize: a usage error never pays for the app and cdktf (as in plan).
    const { synthesizeApp } = await import("./synth-app");
    const { config, json } = await synthesizeApp(
      flags.env ? ["--context", `env=${flags.env}`] : [],
      () => undefined,
      outdir,
    );
    const report = runRules(json, {
      production: config.environment === "prod",
      suppressions: config.rules.suppressions,
    });
    out.stdout(
      flags.json
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
