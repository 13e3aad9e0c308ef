/** The deploy-day CLIs refuse bad input with one line and exit 2, before any synth or AWS call. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const cli = (script: string, args: string[]) =>
  spawnSync(process.execPath, ["scripts/run.cjs", script, ...args], {
    cwd: resolve(__dirname, "../.."),
    encoding: "utf8",
    // No AWS credentials or region: a call that slipped through would fail differently.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_EC2_METADATA_DISABLED: "true" },
  });

const lastLine = (text: string) => text.trim().split("\n").pop();

describe.each([
  [
    "scripts/preflight.ts",
    ["--account", "12345"],
    /^preflight: --account "12345" is not a 12-digit AWS account id$/,
  ],
  [
    "scripts/smoke.ts",
    ["--since-hours", "0"],
    /^smoke: --since-hours "0" is not a whole number from 1 to 336$/,
  ],
  ["scripts/state-restore.ts", [], /^state:restore: give --list, or --from <backup>$/],
  [
    "scripts/rollback.ts",
    ["--percent", "101"],
    /^rollback: --percent "101" is not a whole number from 0 to 100$/,
  ],
])("%s %j", (script, args, message) => {
  it("exits 2 with one line naming the input", () => {
    const result = cli(script, args);
    expect(result.status).toBe(2);
    expect(lastLine(result.stderr)).toMatch(message);
    expect(result.stdout).toBe("");
  }, 60_000);
});
