import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";

const root = resolve(__dirname, "../..");

/** PATH without any directory holding a terraform binary: synth must not need one. */
function pathWithoutTerraform(): string {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir && !existsSync(join(dir, "terraform")))
    .join(delimiter);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: "utf8",
    env: {
      PATH: pathWithoutTerraform(),
      HOME: process.env.HOME,
      CHECKPOINT_DISABLE: "1",
      // No AWS credentials of any kind.
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_PROFILE: "",
      ...env,
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr.replace(/^npm warn .*\n/gm, ""),
  };
}

// The successful offline synth: npm run synth in app-launcher.test.ts, cdktf synth in cdktf-synth.engine-test.ts.
describe("main.ts", () => {
  it("fails a bad config value with one line naming the field, never a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const file = join(dir, "override.json");
    writeFileSync(file, JSON.stringify({ observability: { logRetentionDays: 42 } }));
    const { status, stderr } = run(process.execPath, ["scripts/run-app.cjs"], {
      CONNECT_CONFIG_FILE: file,
    });
    expect(status).toBe(1);
    expect(stderr.trim().split("\n")).toStrictEqual([
      `config/environments/dev.ts + ${file}: observability.logRetentionDays: expected a CloudWatch Logs retention period (1, 3, 5, 7, 14, 30, 60, 90, ... 3653 days)`,
    ]);
  }, 60_000);

  it("fails synth on a stack rule error, one `<rule> <address>: <what> — <fix>` line per finding", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const file = join(dir, "override.json");
    // Without its reviewed suppressions, dev has rule errors (the API keys are not rotated here).
    writeFileSync(file, JSON.stringify({ rules: { suppressions: [] } }));
    const { status, stdout, stderr } = run(process.execPath, ["scripts/run-app.cjs"], {
      CONNECT_CONFIG_FILE: file,
      CDKTF_OUTDIR: mkdtempSync(join(tmpdir(), "synth-")),
    });
    expect(status).toBe(1);
    expect(stdout).toContain(
      "error: secret-rotation aws_secretsmanager_secret.secrets_banking_api_key: has no rotation — add an aws_secretsmanager_secret_rotation",
    );
    expect(stderr).toMatch(/^synth failed: \d+ stack rule errors \(listed above\)/);
    expect(stdout).not.toMatch(/^synth ok/m);
  }, 60_000);
});
