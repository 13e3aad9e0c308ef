import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deletionProtectionAttack, overridesFile } from "./support";

const root = resolve(__dirname, "../..");
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: "1", ...env },
  });

// Measured before issue 22: with this file both exited 0, and cdk.tf.json held
// deletion_protection_enabled: false on all 7 prod tables.
describe("an override that switches off prod's deletion protection and suppresses the rule", () => {
  const file = overridesFile(deletionProtectionAttack(), "attack.json");
  const expected = [
    expect.stringMatching(
      /: rules\.suppressions: protected .*cannot add to it \(dynamodb-deletion-protection /,
    ),
    expect.stringMatching(
      /: security\.deletionProtection: protected in prod .*cannot lower it \(true → false\)/,
    ),
  ];
  // The rules CLI puts its name before its first line of error.
  const lines = (stderr: string) =>
    stderr
      .split("\n")
      .map((l) => l.replace(/^rules: /, ""))
      .filter((l) => l.startsWith("config/environments/prod.ts"));

  it("fails the prod synth, one line per protected setting", () => {
    const { status, stdout, stderr } = run(["scripts/run-app.cjs"], {
      CONNECT_ENV: "prod",
      CONNECT_CONFIG_FILE: file,
      CDKTF_OUTDIR: mkdtempSync(join(tmpdir(), "synth-")),
    });
    expect(status).toBe(1);
    expect(lines(stderr)).toStrictEqual(expected);
    expect(stdout).not.toMatch(/^synth ok/m);
  }, 60_000);

  it("fails `npm run rules -- --env prod`", () => {
    const { status, stdout, stderr } = run(["scripts/run.cjs", "scripts/rules.ts", "--env", "prod"], {
      CONNECT_CONFIG_FILE: file,
    });
    expect(status).not.toBe(0);
    expect(lines(stderr)).toStrictEqual(expected);
    expect(stdout).toBe("");
  }, 60_000);
});
