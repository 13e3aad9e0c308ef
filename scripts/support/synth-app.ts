import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { loadConfig, resolveEnvName } from "../../config/load";
import type { StackConfig } from "../../config/schema";
import type { ContactCentreStack } from "../../constructs/contact-centre-stack";
import { stackNameFor } from "../../constructs/core/stack-name";
import type { StackJson } from "../../constructs/rules/types";
import type { BundleResult } from "../build-lambda";

export interface SynthesizedApp {
  readonly env: string;
  readonly config: StackConfig;
  readonly stackName: string;
  readonly stack: ContactCentreStack;
  /** Path of the written cdk.tf.json (cdk.tf with `synth --hcl`). */
  readonly outputPath: string;
  /** The synthesized JSON, parsed: what the stack rules read (the written file unless --hcl). */
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
  // Loaded once the config is valid: a config error (the most common failure) is reported without
  // evaluating every construct and provider class first (~0.5 s of a 0.9 s failed start).
  const [{ ContactCentreStack }, { buildCcpSite }, { bundleAll, LAMBDAS }] = await Promise.all([
    import("../../constructs/contact-centre-stack"),
    import("../build-ccp-site"),
    import("../build-lambda"),
  ]);
  progress(`bundling ${LAMBDAS.map((l) => l.name).join(", ")} and the CCP site (esbuild)…`);
  const [bundles, ccpSite] = await Promise.all([
    bundleAll("dist"),
    buildCcpSite({ outDir: "dist", streamsFile: config.ccp.connectStreamsFile }),
  ]);
  const outcome = (cached: boolean) => (cached ? "unchanged, reused" : "built");
  const lambdas = LAMBDAS.map((l) => `${l.name} ${outcome(bundles[l.name].cached)}`);
  progress(`esbuild: ${[...lambdas, `CCP site ${outcome(ccpSite.cached)}`].join(", ")}`);
  const code = (b: BundleResult) => ({ path: b.zipPath, sha256Base64: b.sha256Base64 });
  const stack = new ContactCentreStack(app, stackName, {
    config,
    lexFallbackCode: code(bundles.lex_fallback),
    ctrMetricsCode: code(bundles.ctr_metrics),
    companionApiCode: code(bundles.companion_api),
    crmApiCode: code(bundles.crm_api),
    callbackStatusCode: code(bundles.callback_status),
    ccpSiteAssets: ccpSite.assets,
  });
  app.synth();
  const stackDir = join(app.outdir, "stacks", stackName);
  // With --hcl no JSON is written; the rules then judge the same configuration as cdktf holds it.
  const outputPath = join(stackDir, app.hclOutput ? "cdk.tf" : "cdk.tf.json");
  const json = (
    app.hclOutput ? stack.toTerraform() : JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"))
  ) as StackJson;
  return { env, config, stackName, stack, outputPath, json };
}
