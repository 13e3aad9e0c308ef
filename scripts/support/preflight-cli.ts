/**
 * `npm run preflight -- --env <name> [--account <id>] [--stack <cdk.tf.json>] [--json]`
 *
 * Read-only AWS checks before a deploy: one PASS/FAIL/SKIP line each, with the fix. Exit 0 when
 * nothing failed, 1 on any FAIL, 2 on usage. Progress goes to stderr.
 */
import { UsageError, type CliOutput, type ParsedCli } from "./cli-args";

export const PREFLIGHT_CLI = {
  name: "preflight",
  summary:
    "Read-only AWS checks before a deploy (credentials, tools, state backend, Bedrock, certificate, secrets, subscriptions, quotas). Exit 1 on any FAIL.",
  flags: {
    env: { type: "string", value: "name", help: "environment to check (default: CONNECT_ENV, else dev)" },
    account: { type: "string", value: "12 digits", help: "the account this environment must deploy into" },
    stack: {
      type: "string",
      value: "cdk.tf.json",
      help: "read this synthesized stack instead of synthesizing",
    },
    json: { type: "boolean", help: "print the results as JSON on stdout" },
  },
} as const;

export async function preflightMain(
  { flags }: ParsedCli<typeof PREFLIGHT_CLI.flags>,
  out: CliOutput,
): Promise<number> {
  if (flags.account !== undefined && !/^\d{12}$/.test(flags.account))
    throw new UsageError(`--account "${flags.account}" is not a 12-digit AWS account id`);
  // Loaded once the command line is sound: a usage error never pays for the app, cdktf and the SDK.
  const [
    { exitCodeOf, countOf, formatLines, runChecks },
    { ambientRegion, deployDayContext },
    { PREFLIGHT_CHECKS },
    { loadTarget },
  ] = await Promise.all([
    import("../deploy-day/check"),
    import("../deploy-day/context"),
    import("../deploy-day/preflight"),
    import("../deploy-day/target"),
  ]);
  const target = await loadTarget(flags, (line) => out.stderr(`preflight: ${line}\n`));
  const context = {
    ...deployDayContext({ ...target, ambientRegion: await ambientRegion() }),
    ...(flags.account ? { expectedAccount: flags.account } : {}),
  };
  const results = await runChecks(PREFLIGHT_CHECKS, context);
  const counts = countOf(results);
  if (flags.json) out.stdout(`${JSON.stringify({ env: target.env, counts, results }, null, 2)}\n`);
  else
    out.stdout(
      [
        `preflight of ${target.env} (${target.config.region}):`,
        ...formatLines(results),
        `${counts.PASS} passed, ${counts.FAIL} failed, ${counts.SKIP} skipped`,
        "",
      ].join("\n"),
    );
  return exitCodeOf(results);
}
