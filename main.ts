import { App } from "cdktf";
import { ConfigError, loadConfig, resolveEnvName } from "./config/load";
import { ContactCentreStack, stackNameFor } from "./constructs/contact-centre-stack";

function main(): void {
  const app = new App({ skipValidation: false });
  const env = resolveEnvName(process.argv.slice(2), app.node.tryGetContext("env"), process.env);
  const config = loadConfig({ env, overridesFile: process.env.CONNECT_CONFIG_FILE });
  const stackName = stackNameFor(config);
  const stack = new ContactCentreStack(app, stackName, { config });
  app.synth();

  const resources = stack.node
    .findAll()
    .filter((c) => "terraformResourceType" in c && "friendlyUniqueId" in c);
  // Since process start, so module loading (the expensive part) is counted.
  const seconds = process.uptime();
  process.stdout.write(
    `synth ok: stack ${stackName} (env ${env}), ${resources.length} resources and data sources → ${app.outdir}/stacks/${stackName}/cdk.tf.json in ${seconds.toFixed(2)} s\n`,
  );
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // Validation failures from constructs (flows, bots, addresses) carry their own clear message.
  if (error instanceof Error && /Validation failed/.test(error.message)) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
