import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFlowsLint } from "../../scripts/support/flows-lint-cli";

const ROOT = join(__dirname, "..", "..");
const RUN = join(ROOT, "scripts", "run.cjs");
const dir = mkdtempSync(join(tmpdir(), "flows-lint-"));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawn the CLI as `npm run flows:lint` does (from its cached bundle). */
function spawnLint(args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [RUN, "scripts/flows-lint.ts", ...args],
      { cwd: ROOT, encoding: "utf8" },
      (error, stdout, stderr) => {
        done({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

/** The CLI in this process, paths relative to the project root as `npm run` resolves them. */
function lint(...args: string[]): Run {
  let stdout = "";
  let stderr = "";
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const status = runFlowsLint(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { status, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

const broken = join(dir, "broken.json");
writeFileSync(
  broken,
  JSON.stringify({
    Version: "2019-10-30",
    StartAction: "hours",
    Actions: [
      {
        Identifier: "hours",
        Type: "CheckHoursOfOperation",
        Parameters: {},
        Transitions: {
          NextAction: "end",
          Conditions: [{ NextAction: "end", Condition: { Operator: "Equals", Operands: ["False"] } }],
        },
      },
      { Identifier: "end", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
    ],
  }),
);
/** A whisper export as the console writes it: no Metadata.type, only EndFlowExecution. */
const whisper = join(dir, "whisper.json");
writeFileSync(
  whisper,
  JSON.stringify({
    Version: "2019-10-30",
    StartAction: "say",
    Actions: [
      {
        Identifier: "say",
        Type: "MessageParticipant",
        Parameters: { Text: "Caller verified" },
        Transitions: { NextAction: "end" },
      },
      { Identifier: "end", Type: "EndFlowExecution", Parameters: {}, Transitions: {} },
    ],
  }),
);
const notJson = join(dir, "not-json.json");
writeFileSync(notJson, "{ nope");

const USAGE_CASES: [string, string[]][] = [
  ["no paths", []],
  ["an unknown flow type", ["contact_flows", "--type", "IVR"]],
  ["a missing path", ["does/not/exist.json"]],
  ["an unknown rule", ["contact_flows", "--rule", "nope=off"]],
];
describe("flows:lint CLI", () => {
  it("exits 0 on the shipped templates and the AWS example (templates render with ${var.x} references)", () => {
    const r = lint("contact_flows", "__tests__/flows/examples/example-aws-docs-minimal.json");
    expect({ status: r.status, last: r.stdout.trim().split("\n").pop() }).toStrictEqual({
      status: 0,
      last: "16 file(s): 0 error(s), 0 warning(s)",
    });
  });

  it("exits 1 and names file, path, action and rule for an invalid flow", () => {
    const r = lint(broken);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `${broken}: error Actions[0].Transitions.Conditions (hours) [condition-operands]`,
    );
  });

  it("prints machine-readable problems with --json", () => {
    const r = lint(broken, "--json");
    const out = JSON.parse(r.stdout) as {
      problems: Record<string, unknown>[];
      summary: Record<string, number>;
    };
    expect(out.problems).toContainEqual(
      expect.objectContaining({
        file: broken,
        action: "hours",
        path: "Actions[0].Transitions.Conditions",
        rule: "condition-operands",
        messageId: "exactBranches",
      }),
    );
    expect(out.summary).toStrictEqual({ files: 1, errors: 1, warnings: 0 });
  });

  it("reports a file that is not JSON as an error with its position, not a stack trace", () => {
    const r = lint(notJson);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /not-json\.json: error \(flow\) \[flow-structure\] Content is not valid JSON at 1:3/,
    );
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("re-levels a rule with --rule and validates as the --type given", () => {
    expect(lint(broken, "--rule", "condition-operands=warning").status).toBe(0);
    expect(lint("contact_flows/voice_entry_flow.json.tftpl", "--type", "CUSTOMER_QUEUE").status).toBe(1);
  });

  it("infers the flow type when neither --type nor Metadata.type says it, and prints why", () => {
    const r = lint(whisper);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      `${whisper}: validated as AGENT_WHISPER (inferred from the name "whisper" and actions MessageParticipant, EndFlowExecution; also possible: CUSTOMER_QUEUE, CUSTOMER_WHISPER, OUTBOUND_WHISPER)`,
    );
    expect(lint("contact_flows", "__tests__/flows/examples/example-aws-docs-minimal.json").stdout).toContain(
      'contact_flows/customer_queue_flow.json.tftpl: validated as CUSTOMER_QUEUE (Metadata.type "customerQueue")',
    );
  });

  it.each(USAGE_CASES)("exits 2 with usage for %s", (_name, args) => {
    const r = lint(...args);
    expect({ status: r.status, usage: r.stderr.includes("usage: flows-lint") }).toStrictEqual({
      status: 2,
      usage: true,
    });
  });
});

describe("npm run flows:lint (the script itself)", () => {
  it("exits with the CLI's code and prints its report and usage", async () => {
    const [clean, usage] = await Promise.all([
      spawnLint(["contact_flows/voice_entry_flow.json.tftpl"]),
      spawnLint(["--rule", "nope=off"]),
    ]);
    expect({ status: clean.status, last: clean.stdout.trim().split("\n").pop() }).toStrictEqual({
      status: 0,
      last: "1 file(s): 0 error(s), 0 warning(s)",
    });
    expect({ status: usage.status, usage: usage.stderr.includes("usage: flows-lint") }).toStrictEqual({
      status: 2,
      usage: true,
    });
  }, 60_000);
});
