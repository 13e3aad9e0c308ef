import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATION_REPORT_CLI, migrationReportMain } from "../../scripts/support/migration-report-cli";
import { runCaptured } from "../support/run-cli";

const dir = mkdtempSync(join(tmpdir(), "migration-cli-"));

/** `npm run migration:report -- …args`, in this process. */
const report = (...args: string[]) => runCaptured(MIGRATION_REPORT_CLI, migrationReportMain, args);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A synthesized stack that keeps one address of the state and moves another. */
const stack = file(
  "cdk.tf.json",
  JSON.stringify({
    resource: { aws_kms_key: { key: {} }, aws_s3_bucket: { logs: {} } },
    moved: [{ from: "module.logs.aws_s3_bucket.this", to: "aws_s3_bucket.logs" }],
  }),
);

describe("npm run migration:report", () => {
  it("accounts for each address of a given state list, and fails on one it would destroy", async () => {
    const clean = file("clean.txt", "aws_kms_key.key\nmodule.logs.aws_s3_bucket.this\n");
    const lost = file("lost.txt", "aws_kms_key.key\naws_dynamodb_table.sessions\n");
    const [ok, destroyed] = await Promise.all([
      report(stack, "--state-list", clean),
      report(stack, "--state-list", lost),
    ]);
    expect({ status: ok.code, stderr: ok.stderr, last: ok.stdout.trim().split("\n").pop() }).toStrictEqual({
      status: 0,
      stderr: "",
      last: "2 addresses: 0 unaccounted, 0 removed, 1 moved, 1 kept, 0 data; 0 no-op moves; 0 no-op removals",
    });
    expect(destroyed.code).toBe(1);
    expect(destroyed.stdout).toMatch(/^unaccounted \(1\)\n {2}aws_dynamodb_table\.sessions$/m);
  }, 30_000);

  it("exits 2 with one line naming the flag or the file for nonsense input", async () => {
    const empty = file("empty.txt", "");
    // What `terraform show -json > file` leaves when interrupted: cut off mid-string.
    const truncated = file(
      "show.json",
      JSON.stringify({
        values: {
          root_module: {
            resources: [{ address: "aws_kms_key.key", values: { description: "x".repeat(60_000) } }],
          },
        },
      }).slice(0, 50_000),
    );
    const notAList = file("error.txt", "aws_kms_key.key\nError: No state file was found!\n");
    const noResources = file("fresh.json", JSON.stringify({ format_version: "1.0" }));
    const cases: [string[], string][] = [
      [
        // The stack is named: a fresh clone has no synthesized default yet.
        [stack, "--state-list", empty],
        `migration:report: ${empty} is empty: expected the output of terraform state list`,
      ],
      [["--state"], "migration:report: --state needs a value"],
      [["--state-list", "--json"], "migration:report: --state-list needs a value"],
      [
        ["--frobnicate"],
        "migration:report: unknown flag --frobnicate (flags: --state-list, --state, --tables, --json, --help)",
      ],
      [
        [stack, "--state", truncated],
        `migration:report: ${truncated} is not valid JSON (Unterminated string in JSON at position 50000): expected the output of terraform show -json, or a state file`,
      ],
      [
        [stack, "--state-list", notAList],
        `migration:report: ${notAList}:2: "Error: No state file was found!" is not a state address: expected the output of terraform state list`,
      ],
      [
        [stack, "--state", noResources],
        `migration:report: ${noResources}: state JSON has no resources under values.root_module: pass the output of terraform show -json`,
      ],
      [
        [stack, "--state", noResources, "--state-list", empty],
        "migration:report: --state and --state-list are alternatives: give one (--state lists its own addresses)",
      ],
      [
        [join(dir, "missing.json")],
        `migration:report: ${join(dir, "missing.json")} does not exist: expected a synthesized cdk.tf.json`,
      ],
    ];
    const runs = await Promise.all(cases.map(([args]) => report(...args)));
    expect(runs.map((r) => ({ status: r.code, stdout: r.stdout, stderr: r.stderr }))).toStrictEqual(
      cases.map(([, line]) => ({ status: 2, stdout: "", stderr: `${line}\n` })),
    );
  }, 60_000);
});
