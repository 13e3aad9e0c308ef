/** The deploy-day CLIs refuse bad input with one line and exit 2, before any synth or AWS call. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { PREFLIGHT_CLI, preflightMain } from "../../scripts/support/preflight-cli";
import { SMOKE_CLI, smokeMain } from "../../scripts/support/smoke-cli";
import { STATE_RESTORE_CLI, stateRestoreMain } from "../../scripts/support/state-restore-cli";
import { runCaptured, type CliRun } from "../support/run-cli";

const lastLine = (text: string) => text.trim().split("\n").pop();

describe.each<[string, () => Promise<CliRun>, RegExp]>([
  [
    "preflight --account 12345",
    () => runCaptured(PREFLIGHT_CLI, preflightMain, ["--account", "12345"]),
    /^preflight: --account "12345" is not a 12-digit AWS account id$/,
  ],
  [
    "smoke --since-hours 0",
    () => runCaptured(SMOKE_CLI, smokeMain, ["--since-hours", "0"]),
    /^smoke: --since-hours "0" is not a whole number from 1 to 336$/,
  ],
  [
    "state:restore (neither --list nor --from)",
    () => runCaptured(STATE_RESTORE_CLI, stateRestoreMain, []),
    /^state:restore: give --list, or --from <backup>$/,
  ],
])("%s", (_name, run, message) => {
  it("exits 2 with one line naming the input", async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(lastLine(result.stderr)).toMatch(message);
    expect(result.stdout).toBe("");
  });
});

describe("a deploy-day CLI as npm runs it (node scripts/run.cjs, the bundle, the process's exit code)", () => {
  it("rollback --percent 101: exit 2, the one line on stderr, nothing on stdout", () => {
    const result = spawnSync(
      process.execPath,
      ["scripts/run.cjs", "scripts/rollback.ts", "--percent", "101"],
      {
        cwd: resolve(__dirname, "../.."),
        encoding: "utf8",
        // No AWS credentials or region: a call that slipped through would fail differently.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_EC2_METADATA_DISABLED: "true" },
      },
    );
    expect(result.status).toBe(2);
    expect(lastLine(result.stderr)).toMatch(
      /^rollback: --percent "101" is not a whole number from 0 to 100$/,
    );
    expect(result.stdout).toBe("");
  }, 60_000);
});
