import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RULE_IDS } from "../../constructs/flows/validator";
import { runFlowsLint } from "../../scripts/support/flows-lint-cli";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "flows-lint-"));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI in this process, paths relative to the project root as `npm run` resolves them. */
async function lint(...args: string[]): Promise<Run> {
  return lintWith(runFlowsLint, args);
}

async function lintWith(run: typeof runFlowsLint, args: readonly string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const status = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
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

const USAGE_CASES: [string, string[], string][] = [
  ["no paths", [], "no file|folder given"],
  ["an unknown flow type", ["contact_flows", "--type", "IVR"], '--type "IVR" is not a flow type'],
  [
    "a missing path",
    ["does/not/exist.json"],
    "does/not/exist.json does not exist: expected a flow file (.json, .json.tftpl) or a folder of them",
  ],
  [
    "a rule level",
    ["contact_flows", "--rule", "condition-operands=loud"],
    '--rule condition-operands: level must be error, warning or off, not "loud"',
  ],
  ["a flow type flag without its value", ["contact_flows", "--type"], "--type needs a value"],
  [
    "an unknown flag",
    ["contact_flows", "--fix"],
    "unknown flag --fix (flags: --type, --json, --rule, --help)",
  ],
  ["a folder without flows", ["docs/migration"], "docs/migration holds no flow files (.json, .json.tftpl)"],
];
describe("flows:lint CLI", () => {
  it("exits 0 on the shipped templates and the AWS example (templates render with ${var.x} references)", async () => {
    const r = await lint("contact_flows", "__tests__/flows/examples/example-aws-docs-minimal.json");
    expect({ status: r.status, last: r.stdout.trim().split("\n").pop() }).toStrictEqual({
      status: 0,
      last: "16 file(s): 0 error(s), 0 warning(s)",
    });
  });

  it("exits 1 and names file, path, action and rule for an invalid flow", async () => {
    const r = await lint(broken);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `${broken}: error Actions[0].Transitions.Conditions (hours) [condition-operands]`,
    );
  });

  it("prints machine-readable problems with --json", async () => {
    const r = await lint(broken, "--json");
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

  it("reports a file that is not JSON as an error with its position, not a stack trace", async () => {
    const r = await lint(notJson);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /not-json\.json: error \(flow\) \[flow-structure\] Content is not valid JSON at 1:3/,
    );
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("re-levels a rule with --rule and validates as the --type given", async () => {
    expect((await lint(broken, "--rule", "condition-operands=warning")).status).toBe(0);
    expect((await lint("contact_flows/voice_entry_flow.json.tftpl", "--type", "CUSTOMER_QUEUE")).status).toBe(
      1,
    );
  });

  it("infers the flow type when neither --type nor Metadata.type says it, and prints why", async () => {
    const r = await lint(whisper);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      `${whisper}: validated as AGENT_WHISPER (inferred from the name "whisper" and actions MessageParticipant, EndFlowExecution; also possible: CUSTOMER_QUEUE, CUSTOMER_WHISPER, OUTBOUND_WHISPER)`,
    );
    expect(
      (await lint("contact_flows", "__tests__/flows/examples/example-aws-docs-minimal.json")).stdout,
    ).toContain(
      'contact_flows/customer_queue_flow.json.tftpl: validated as CUSTOMER_QUEUE (Metadata.type "customerQueue")',
    );
  });

  it.each(USAGE_CASES)("exits 2 with one line for %s", async (_name, args, line) => {
    expect(await lint(...args)).toStrictEqual({ status: 2, stdout: "", stderr: `flows:lint: ${line}\n` });
  });

  it("rejects a shipped template that uses a variable the stack does not pass, as synth does", async () => {
    // The survey template as someone might edit it: a new placeholder nobody passes. The edit is
    // served through fs to a fresh copy of the CLI, so contact_flows/ itself stays untouched.
    const survey = join(ROOT, "contact_flows", "survey_flow.json.tftpl");
    const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
    const edited = fs
      .readFileSync(survey, "utf8")
      .replace('"Text": "Before you go', '"Text": "${survey_intro} Before you go');
    expect(edited).toContain("${survey_intro}");
    let run: typeof runFlowsLint | undefined;
    jest.isolateModules(() => {
      jest.doMock("node:fs", () => ({
        ...fs,
        readFileSync: (file: string, ...rest: unknown[]) =>
          file === survey ? edited : (fs.readFileSync as (...a: unknown[]) => unknown)(file, ...rest),
      }));
      type Cli = typeof import("../../scripts/support/flows-lint-cli");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      run = (require("../../scripts/support/flows-lint-cli") as Cli).runFlowsLint;
    });
    const r = await lintWith(run!, ["contact_flows/survey_flow.json.tftpl"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^contact_flows\/survey_flow\.json\.tftpl: error .*\[template\] as the stack renders it: \d+:\d+: variable "survey_intro" is used by the template but was not passed$/m,
    );
  });
});

describe("npm run flows:lint: exit codes, report and usage", () => {
  it("exits with the CLI's code and prints its report and usage", async () => {
    const clean = await lint("contact_flows/voice_entry_flow.json.tftpl");
    const usage = await lint("contact_flows", "--rule", "nope=off");
    expect({ status: clean.status, last: clean.stdout.trim().split("\n").pop() }).toStrictEqual({
      status: 0,
      last: "1 file(s): 0 error(s), 0 warning(s)",
    });
    expect({ status: usage.status, stderr: usage.stderr }).toStrictEqual({
      status: 2,
      stderr: `flows:lint: --rule: unknown rule "nope" (rules: ${RULE_IDS.join(", ")})\n`,
    });
  });
});
