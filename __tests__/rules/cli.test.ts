import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { RulesReport } from "../../constructs/rules";
import { RULES_CLI, rulesMain } from "../../scripts/support/rules-cli";
import { runCaptured } from "../support/run-cli";

const root = resolve(__dirname, "../..");
const rules = (...args: string[]) =>
  spawnSync(process.execPath, ["scripts/run.cjs", "scripts/rules.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: "1" },
  });

describe("npm run rules", () => {
  it("prints the prod report alone as JSON: every rule ran, only the stand-in warnings, the suppressions with reasons", () => {
    const { status, stdout } = rules("--env", "prod", "--json");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as RulesReport;
    // prod.ts ships stand-ins (bank.example, a documentation account id) until the platform team
    // sets the bank's values; each is flagged on every prod synth, and nothing else is.
    expect(report.findings.map((f) => `${f.level} ${f.rule} ${f.address}`)).toStrictEqual([
      "warning no-placeholder-values aws_apigatewayv2_api.auth_api",
      "warning no-placeholder-values aws_apigatewayv2_authorizer.api_agents",
      "warning no-placeholder-values aws_apigatewayv2_authorizer.api_companion_app",
      "warning no-placeholder-values aws_cloudfront_distribution.ccp_site",
      "warning no-placeholder-values aws_cloudfront_distribution.ccp_site",
      "warning no-placeholder-values aws_lambda_function.api_crm_lambda_function",
      "warning no-placeholder-values aws_lambda_function.lex_fallback_lambda_function",
      "warning no-placeholder-values aws_sns_topic_subscription.alerts_alarms_email",
      "warning no-placeholder-values aws_sns_topic_subscription.alerts_fraud_alerts_email",
      "warning no-placeholder-values awscc_connect_approved_origin.ccp_approved_origin",
    ]);
    expect(report.rulesRun).toBeGreaterThanOrEqual(29);
    expect(report.suppressed.map((s) => `${s.rule} ${s.address}`).sort()).toStrictEqual([
      "s3-access-logging aws_s3_bucket.access_logs_bucket_bucket",
      "secret-rotation aws_secretsmanager_secret.pin_encryption_private_key",
      "secret-rotation aws_secretsmanager_secret.secrets_banking_api_key",
    ]);
  }, 60_000);

  it("refuses an unknown flag or a flag without its value with one line naming it (exit 2)", async () => {
    expect(await runCaptured(RULES_CLI, rulesMain, ["--environment", "prod"])).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: "rules: unknown flag --environment (flags: --env, --json, --help)\n",
    });
    expect(await runCaptured(RULES_CLI, rulesMain, ["--json", "--env"])).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: "rules: --env needs a value\n",
    });
  });
});
