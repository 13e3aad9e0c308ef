import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../../..");

/** The cdktf CLI, when the project declares it (check:cdktn's copy drops it: cdktn-cli needs Node >= 22.19). */
export const CDKTF_CLI = join(ROOT, "node_modules/.bin/cdktf");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { devDependencies?: object };
export const CDKTF_CLI_DECLARED = "cdktf-cli" in (pkg.devDependencies ?? {});

/** PATH without any directory holding a terraform binary: synth must not need one. */
function pathWithoutTerraform(): string {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir && !existsSync(join(dir, "terraform")))
    .join(delimiter);
}

export interface LaunchedSynth {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The dev stack's cdk.tf.json, when written. */
  readonly json?: string;
}

/**
 * A synth as users start it, offline: `node scripts/run-app.cjs …` (npm run synth), or the cdktf
 * CLI when `command` names it. No terraform on PATH and no AWS credentials of any kind.
 */
export function launchSynth(args: string[], command = process.execPath): Promise<LaunchedSynth> {
  const outdir = mkdtempSync(join(tmpdir(), "launcher-"));
  // The CLI takes its output folder as an argument and hands it to the app as CDKTF_OUTDIR.
  const cliArgs = command === process.execPath ? args : [...args, "--output", outdir];
  return new Promise((done) =>
    execFile(
      command,
      cliArgs,
      {
        cwd: ROOT,
        env: {
          PATH: pathWithoutTerraform(),
          HOME: process.env.HOME,
          CDKTF_OUTDIR: outdir,
          CONNECT_ENV: "dev",
          CHECKPOINT_DISABLE: "1",
          CI: "1",
          AWS_ACCESS_KEY_ID: "",
          AWS_SECRET_ACCESS_KEY: "",
          AWS_PROFILE: "",
        },
      },
      (error, stdout, stderr) => {
        const file = join(outdir, "stacks/connect-comprehensive-dev/cdk.tf.json");
        const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
        done({ status, stdout, stderr, ...(existsSync(file) ? { json: readFileSync(file, "utf8") } : {}) });
      },
    ),
  );
}

/** The summary line main.ts prints after a clean synth. */
export const SYNTH_SUMMARY =
  /^synth ok: stack connect-comprehensive-dev \(env dev\), \d+ resources and data sources → .* in \d+\.\d\d s; stack rules: \d+ rules over \d+ resources in \d+ ms: 0 errors, 0 warnings, \d+ suppressed$/m;
