import { ENGINE_MISSING_EXIT, PLAN_CLI, planMain } from "../../scripts/support/plan-cli";
import { runCaptured } from "../support/run-cli";

const plan = (args: string[]) => runCaptured(PLAN_CLI, planMain, args);

describe("npm run plan: usage", () => {
  it.each([
    [["--frobnicate"], "plan: unknown flag --frobnicate"],
    [["--state"], "plan: --state needs a value"],
    [["--env", "dev", "--stack", "x.json"], "plan: --env and --stack exclude each other"],
    [["--account", "12"], 'plan: --account "12" is not a 12-digit AWS account id'],
  ])("%j exits 2 with one line naming the flag", async (args, line) => {
    const run = await plan(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.startsWith(line)).toBe(true);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("says why and exits 3, apart from a failed check, when the plugin mirror is missing", async () => {
    const mirror = process.env.TF_PLUGIN_DIR;
    process.env.TF_PLUGIN_DIR = "/nonexistent-mirror";
    try {
      const run = await plan(["--stack", "cdk.tf.json"]);
      expect(run.code).toBe(ENGINE_MISSING_EXIT);
      expect(run.stderr).toContain("plan: not run: no AWS provider for");
      expect(run.stderr).toContain("/nonexistent-mirror");
    } finally {
      if (mirror === undefined) delete process.env.TF_PLUGIN_DIR;
      else process.env.TF_PLUGIN_DIR = mirror;
    }
  });
});
