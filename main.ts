import { ConfigError } from "./config/load";
import { errorsOf, formatReport, runRules, summaryLine } from "./constructs/rules";
import { synthesizeApp } from "./scripts/support/synth-app";

async function main(): Promise<void> {
  const { env, config, stackName, stack, outputPath, json } = await synthesizeApp(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
  );

  // The stack rules read the written JSON, so they judge exactly what Terraform will get.
  const report = runRules(json, {
    production: config.environment === "prod",
    suppressions: config.rules.suppressions,
  });
  // Findings (and stale suppressions) first; the counts go on the one summary line below.
  const lines = formatReport(report).slice(0, -1);
  const errors = errorsOf(report);
  process.stdout.write(lines.map((l) => `${l}\n`).join(""));
  if (errors.length > 0) {
    throw new Error(
      `synth failed: ${errors.length} stack rule errors (listed above); ${outputPath} is not fit to apply\n${summaryLine(report)}`,
    );
  }

  const resources = stack.node
    .findAll()
    .filter((c) => "terraformResourceType" in c && "friendlyUniqueId" in c);
  // Since process start, so module loading (the expensive part) is counted.
  const seconds = process.uptime();
  process.stdout.write(
    `synth ok: stack ${stackName} (env ${env}), ${resources.length} resources and data sources → ${outputPath} in ${seconds.toFixed(2)} s; ${summaryLine(report)}\n`,
  );
}

main().catch((error: unknown) => {
  // Config, flow, bot, address and rule errors name the bad input in their message; a stack trace adds
  // nothing for the user. CONNECT_DEBUG=1 prints it for bugs.
  const message = error instanceof Error ? error.message : String(error);
  const isUserError =
    error instanceof ConfigError || (error instanceof Error && error.message.startsWith("synth failed"));
  const stack = error instanceof Error && !isUserError ? error.stack : undefined;
  process.stderr.write(`${process.env.CONNECT_DEBUG && stack ? stack : message}\n`);
  process.exit(1);
});
