/**
 * `npm run smoke -- --env <name> [--outputs <file>] [--test-alerting] [--test-call <contact id>]
 *  [--with-fraud-alerts] [--since-hours N] [--chat-timeout S] [--stack <cdk.tf.json>] [--json]`
 *
 * After a deploy, from the stack's outputs (`terraform output -json` in the stack folder, or
 * --outputs): flows and numbers, bots through their live aliases, a chat, the APIs, the CCP site,
 * alarms, alerting, and a probe per "unverified until deployed" assumption. A Markdown report on
 * stdout (`--json` for JSON). Exit 0 when nothing failed, 1 on any FAIL, 2 on usage.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { runProgram } from "../deploy-day/context";
import type { TerraformOutputs } from "../deploy-day/smoke/context";
import { readJsonInput, UsageError, wholeNumberFlag, type CliOutput, type ParsedCli } from "./cli-args";

export const SMOKE_CLI = {
  name: "smoke",
  summary:
    "Checks a deployed environment from its outputs and probes the docs' unverified assumptions. Exit 1 on any FAIL.",
  flags: {
    env: { type: "string", value: "name", help: "environment to check (default: CONNECT_ENV, else dev)" },
    outputs: {
      type: "string",
      value: "file",
      help: "terraform output -json of the stack (default: run it in cdktf.out/stacks/<stack>)",
    },
    "test-alerting": {
      type: "boolean",
      help: "publish one test message to the alarm topic (tell the on-call first)",
    },
    "test-call": {
      type: "string",
      value: "contact id",
      help: "a call placed through the PIN path, for the probes that need one",
    },
    "with-fraud-alerts": {
      type: "boolean",
      help: "also send the intents that raise a real fraud alert (tell the fraud team first)",
    },
    "since-hours": { type: "string", value: "N", help: "how far back the log probes look (default 24)" },
    "chat-timeout": {
      type: "string",
      value: "seconds",
      help: "how long to wait for a chat message (default 30)",
    },
    stack: {
      type: "string",
      value: "cdk.tf.json",
      help: "read this synthesized stack instead of synthesizing",
    },
    json: { type: "boolean", help: "print the results as JSON instead of Markdown" },
  },
} as const;

async function terraformOutputs(stackName: string): Promise<TerraformOutputs> {
  const dir = join("cdktf.out", "stacks", stackName);
  const result = await runProgram(process.env.TERRAFORM || "terraform", [`-chdir=${dir}`, "output", "-json"]);
  if (result.code !== 0)
    throw new UsageError(
      `terraform output -json in ${dir} failed (${result.stderr.trim().split("\n")[0] || "terraform not found"}): deploy from this checkout first, or pass --outputs <file>`,
    );
  return JSON.parse(result.stdout) as TerraformOutputs;
}

export async function smokeMain(
  { flags }: ParsedCli<typeof SMOKE_CLI.flags>,
  out: CliOutput,
): Promise<number> {
  const sinceHours = wholeNumberFlag("since-hours", flags["since-hours"], 24, 1, 24 * 14);
  const chatTimeout = wholeNumberFlag("chat-timeout", flags["chat-timeout"], 30, 1, 600);
  if (flags["test-call"] !== undefined && !/^[A-Za-z0-9-]{1,256}$/.test(flags["test-call"]))
    throw new UsageError(`--test-call "${flags["test-call"]}" is not a contact id`);
  const given = flags.outputs
    ? (readJsonInput(flags.outputs, "the output of terraform output -json") as TerraformOutputs)
    : undefined;
  // Loaded once the command line is sound: a usage error never pays for the app, cdktf and the SDK.
  const [
    { countOf, exitCodeOf, formatMarkdown, runChecks },
    { ambientRegion, deployDayContext },
    { SMOKE_CHECKS },
    { loadTarget },
  ] = await Promise.all([
    import("../deploy-day/check"),
    import("../deploy-day/context"),
    import("../deploy-day/smoke"),
    import("../deploy-day/target"),
  ]);
  const target = await loadTarget(flags, (line) => out.stderr(`smoke: ${line}\n`));
  const outputs = given ?? (await terraformOutputs(target.stackName));
  const context = {
    ...deployDayContext({ ...target, ambientRegion: await ambientRegion() }),
    outputs,
    sleep: (ms: number) => new Promise<void>((done) => setTimeout(done, ms)),
    options: {
      testAlerting: flags["test-alerting"] === true,
      withFraudAlerts: flags["with-fraud-alerts"] === true,
      ...(flags["test-call"] ? { testCall: flags["test-call"] } : {}),
      sinceHours,
      chatTimeoutMs: chatTimeout * 1000,
      runId: randomBytes(4).toString("hex"),
    },
  };
  const results = await runChecks(SMOKE_CHECKS, context);
  out.stdout(
    flags.json
      ? `${JSON.stringify({ env: target.env, runId: context.options.runId, counts: countOf(results), results }, null, 2)}\n`
      : formatMarkdown(
          `Smoke test of ${target.env} (${target.config.region}), run ${context.options.runId}`,
          results,
        ),
  );
  return exitCodeOf(results);
}
