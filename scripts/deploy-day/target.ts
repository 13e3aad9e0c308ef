/**
 * The environment a deploy-day command works on: its validated config (config/load.ts, with
 * CONNECT_CONFIG_FILE merged the way synth merges it) and its synthesized stack, synthesized into a
 * scratch folder (the last real synth's output stays as it was) or read from `--stack`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig } from "../../config/load";
import type { StackConfig } from "../../config/schema";
import type { StackJson } from "../../constructs/rules/types";
import { readJsonInput } from "../support/cli-args";
import { synthesizeApp } from "../support/synth-app";

export interface DeployTarget {
  readonly env: string;
  readonly config: StackConfig;
  readonly stack: StackJson;
  readonly stackName: string;
}

export async function loadTarget(
  flags: { readonly env?: string; readonly stack?: string },
  progress: (line: string) => void,
): Promise<DeployTarget> {
  const env = flags.env ?? process.env.CONNECT_ENV ?? "dev";
  const config = loadConfig({ env, overridesFile: process.env.CONNECT_CONFIG_FILE });
  if (flags.stack) {
    const stack = readJsonInput(resolve(flags.stack), "a synthesized cdk.tf.json") as StackJson;
    return { env, config, stack, stackName: flags.stack };
  }
  const outdir = mkdtempSync(join(tmpdir(), "deploy-day-"));
  try {
    const app = await synthesizeApp(["--context", `env=${env}`], progress, outdir);
    return { env, config, stack: app.json, stackName: app.stackName };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
