import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { RulesReport } from "../../constructs/rules";

const root = resolve(__dirname, "../..");
const rules = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/rules.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: "1" },
  });

describe("npm run rules", () => {
  it("prints the prod report alone as JSON: every rule ran, no findings, the suppressions with reasons", () => {
    const { status, stdout } = rules("--env", "prod", "--json");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as RulesReport;
    expect(report.findings).toStrictEqual([]);
    expect(report.rulesRun).toBeGreaterThanOrEqual(29);
    expect(report.suppressed.map((s) => `${s.rule} ${s.address}`).sort()).toStrictEqual([
      "s3-access-logging aws_s3_bucket.access_logs_bucket_bucket",
      "secret-rotation aws_secretsmanager_secret.pin_encryption_private_key",
      "secret-rotation aws_secretsmanager_secret.secrets_banking_api_key",
      "secret-rotation aws_secretsmanager_secret.secrets_crm_api_key",
    ]);
  }, 60_000);

  it("refuses an unknown argument with its usage (exit 2)", () => {
    const { status, stderr } = rules("--environment", "prod");
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^usage: rules \[--env <name>\] \[--json\]\nunknown or incomplete argument "--environment"/,
    );
  });
});
