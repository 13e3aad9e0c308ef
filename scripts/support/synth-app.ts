import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { loadConfig, resolveEnvName } from "../../config/load";
import type { StackConfig } from "../../config/schema";
import { ContactCentreStack, stackNameFor } from "../../constructs/contact-centre-stack";
import type { StackJson } from "../../constructs/rules/types";
import { bundleAll, LAMBDAS, type BundleResult } from "../build-lambda";

export interface SynthesizedApp {
  readonly env: string;
  readonly config: StackConfig;
  readonly stackName: string;
  readonly stack: ContactCentreStack;
  /** Path of the written cdk.tf.json. */
  readonly jsonPath: string;
  /** The written cdk.tf.json, parsed: what the stack rules read. */
  readonly json: StackJson;
}

/** Load config, bundle the Lambdas, build and synthesize the stack (main.ts and `npm run rules`). */
export async function synthesizeApp(
  argv: readonly string[],
  progress: (line: string) => void,
  outdir?: string,
): Promise<SynthesizedApp> {
  const app = new App({ skipValidation: false, ...(outdir ? { outdir } : {}) });
  const env = resolveEnvName(argv, app.node.tryGetContext("env"), process.env);
  const config = loadConfig({ env, overridesFile: process.env.CONNECT_CONFIG_FILE });
  const stackName = stackNameFor(config);
  progress(`bundling ${LAMBDAS.map((l) => l.name).join(", ")} (esbuild)…`);
  const bundles = await bundleAll("dist");
  const code = (b: BundleResult) => ({ path: b.zipPath, sha256Base64: b.sha256Base64 });
  const stack = new ContactCentreStack(app, stackName, {
    config,
    lexFallbackCode: code(bundles.lex_fallback),
    ctrMetricsCode: code(bundles.ctr_metrics),
  });
  app.synth();
  const jsonPath = join(app.outdir, "stacks", stackName, "cdk.tf.json");
  const json = JSON.parse(readFileSync(jsonPath, "utf8")) as StackJson;
  return { env, config, stackName, stack, jsonPath, json };
}
