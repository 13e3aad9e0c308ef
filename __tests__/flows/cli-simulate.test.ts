import { join } from "node:path";
import { parseCli } from "../../scripts/support/cli-args";
import { FLOWS_SIMULATE_CLI, simulateScenarios } from "../../scripts/support/flows-simulate-cli";
import { runCaptured } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");
const LOCKOUT = "contact_flows/scenarios/voice-pin-lockout.yaml";
const WRONG_QUEUE = "__tests__/flows/scenario-fixtures/wrong-queue.yaml";

/** The CLI in this process, from the project root as `npm run` runs it. */
function simulate(...argv: string[]): { status: number; lines: string[] } {
  let stdout = "";
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const status = simulateScenarios(parseCli(FLOWS_SIMULATE_CLI, argv), {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stdout += t),
    });
    return { status, lines: stdout.trimEnd().split("\n") };
  } finally {
    process.chdir(cwd);
  }
}

const LOCKOUT_LINE =
  "Voice - three wrong PINs lock the customer out and end the call (even when the lockout record fails): ok (disconnected)";
const PATH_STEP = /auth_module_flow \/ get-pin \[GetParticipantInput\] -> next {2}\(step 8\)/;

describe("npm run flows:simulate", () => {
  it("prints one line per met scenario and a summary by default; a failure's path in full", () => {
    const r = simulate(LOCKOUT, WRONG_QUEUE);
    expect(r.status).toBe(1);
    expect(r.lines[0]).toBe(LOCKOUT_LINE);
    expect(r.lines.join("\n")).not.toMatch(PATH_STEP);
    expect(r.lines.join("\n")).toContain("queue is FraudQueue, expected AccountQueue");
    expect(r.lines.join("\n")).toContain("voice_ivr_flow / category-fraud [UpdateContactAttributes] -> next");
    expect(r.lines.at(-1)).toBe("2 scenario(s): 1 met, 1 failed");
  });

  it("prints every path with --paths", () => {
    const r = simulate(LOCKOUT, "--paths");
    expect(r.status).toBe(0);
    expect(r.lines.join("\n")).toMatch(PATH_STEP);
  });

  it("adds one coverage line per flow with --coverage, the missed actions and branches only with --paths", () => {
    const summary = simulate(LOCKOUT, "--coverage");
    const flowLines = summary.lines.filter((l) => / actions \d+\/\d+/.test(l));
    expect(flowLines.find((l) => l.trimStart().startsWith("auth_module_flow"))).toBeDefined();
    expect(summary.lines).toHaveLength(1 + 1 + flowLines.length + 1 + 1); // scenario, "coverage:", flows, total, summary
    expect(summary.lines.join("\n")).not.toMatch(/action not reached|branch not taken/);
    const full = simulate(LOCKOUT, "--coverage", "--paths");
    expect(full.lines.join("\n")).toMatch(/action not reached: /);
  });

  it("exits 2 with one line for an unknown flag or a missing scenario", async () => {
    const run = async (...args: string[]) => {
      const { code, stdout, stderr } = await runCaptured(FLOWS_SIMULATE_CLI, simulateScenarios, args, ROOT);
      return { status: code, stdout, stderr };
    };
    const brief = await run("--verbose");
    const missing = await run("nope.yaml");
    expect(brief).toStrictEqual({
      status: 2,
      stdout: "",
      stderr: "flows:simulate: unknown flag --verbose (flags: --paths, --coverage, --help)\n",
    });
    expect(missing).toStrictEqual({
      status: 2,
      stdout: "",
      stderr:
        "flows:simulate: nope.yaml does not exist: expected a scenario file (.yaml) or a folder of them\n",
    });
  });
});
