import { App } from "cdktf";
import { ConfigError, loadConfig, resolveEnvName } from "./config/load";
import { ContactCentreStack, stackNameFor } from "./constructs/contact-centre-stack";
import { buildCcpSite } from "./scripts/build-ccp-site";
import { bundleAll, LAMBDAS, type BundleResult } from "./scripts/build-lambda";

async function main(): Promise<void> {
  const app = new App({ skipValidation: false });
  const env = resolveEnvName(process.argv.slice(2), app.node.tryGetContext("env"), process.env);
  const config = loadConfig({ env, overridesFile: process.env.CONNECT_CONFIG_FILE });
  const stackName = stackNameFor(config);
  process.stdout.write(`bundling ${LAMBDAS.map((l) => l.name).join(", ")} and the CCP site (esbuild)…\n`);
  const [bundles, ccpSite] = await Promise.all([
    bundleAll("dist"),
    buildCcpSite({ outDir: "dist", streamsFile: config.ccp.connectStreamsFile }),
  ]);
  const outcome = (cached: boolean) => (cached ? "unchanged, reused" : "built");
  const lambdas = LAMBDAS.map((l) => `${l.name} ${outcome(bundles[l.name].cached)}`);
  process.stdout.write(`esbuild: ${[...lambdas, `CCP site ${outcome(ccpSite.cached)}`].join(", ")}\n`);
  const code = (b: BundleResult) => ({ path: b.zipPath, sha256Base64: b.sha256Base64 });
  const stack = new ContactCentreStack(app, stackName, {
    config,
    lexFallbackCode: code(bundles.lex_fallback),
    ctrMetricsCode: code(bundles.ctr_metrics),
    ccpSiteAssets: ccpSite.assets,
  });
  app.synth();

  const resources = stack.node
    .findAll()
    .filter((c) => "terraformResourceType" in c && "friendlyUniqueId" in c);
  // Since process start, so module loading (the expensive part) is counted.
  const seconds = process.uptime();
  process.stdout.write(
    `synth ok: stack ${stackName} (env ${env}), ${resources.length} resources and data sources → ${app.outdir}/stacks/${stackName}/${app.hclOutput ? "cdk.tf" : "cdk.tf.json"} in ${seconds.toFixed(2)} s\n`,
  );
}

main().catch((error: unknown) => {
  // Config, flow, bot and address errors name the bad input in their message; a stack trace adds
  // nothing for the user. CONNECT_DEBUG=1 prints it for bugs.
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && !(error instanceof ConfigError) ? error.stack : undefined;
  process.stderr.write(`${process.env.CONNECT_DEBUG && stack ? stack : message}\n`);
  process.exit(1);
});
