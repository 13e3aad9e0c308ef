import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describeWithEngine } from "./support/real-engine";

const ROOT = resolve(__dirname, "../..");

function plan(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, ["scripts/run.cjs", "scripts/plan.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 280_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run plan: usage", () => {
  it.each([
    [["--frobnicate"], "plan: unknown flag --frobnicate"],
    [["--state"], "plan: --state needs a value"],
    [["--env", "dev", "--stack", "x.json"], "plan: --env and --stack exclude each other"],
    [["--account", "12"], 'plan: --account "12" is not a 12-digit AWS account id'],
  ])("%j exits 2 with one line naming the flag", (args, line) => {
    const run = plan(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${line}`);
    expect(
      run.stderr
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("plan:")),
    ).toHaveLength(1);
  });

  it("says why and exits 3, apart from a failed check, when the plugin mirror is missing", () => {
    const run = plan(["--stack", "cdk.tf.json"], { TF_PLUGIN_DIR: "/nonexistent-mirror" });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("plan: not run: no AWS provider for");
    expect(run.stderr).toContain("/nonexistent-mirror");
  });
});

/**
 * A stack small enough to plan in a few seconds, through the same CLI as the whole stack: a bucket
 * kept from a state, moved from a module address, and an awscc resource the mirror cannot plan.
 */
const tinyStack = (bucket: string) => ({
  terraform: {
    required_providers: {
      aws: { source: "aws", version: "6.25.0" },
      awscc: { source: "hashicorp/awscc", version: "1.69.0" },
    },
  },
  provider: { aws: [{ region: "eu-west-2" }], awscc: [{ region: "eu-west-2" }] },
  data: { aws_caller_identity: { current: {} } },
  resource: {
    aws_s3_bucket: { logs: { bucket: `${bucket}-\${data.aws_caller_identity.current.account_id}` } },
    awscc_connect_approved_origin: { ccp: { instance_id: "i", origin: "https://ccp.example" } },
  },
  moved: [{ from: "module.logs.aws_s3_bucket.this", to: "aws_s3_bucket.logs" }],
});

/** `terraform show -json` of a state holding the original bucket at its module address. */
const originalState = {
  format_version: "1.0",
  values: {
    root_module: {
      resources: [
        {
          address: "data.aws_caller_identity.current",
          mode: "data",
          type: "aws_caller_identity",
          name: "current",
          provider_name: "registry.terraform.io/hashicorp/aws",
          schema_version: 0,
          values: {
            id: "210987654321",
            account_id: "210987654321",
            arn: "arn:aws:iam::210987654321:user/ops",
            user_id: "AIDA0",
          },
        },
      ],
      child_modules: [
        {
          address: "module.logs",
          resources: [
            {
              address: "module.logs.aws_s3_bucket.this",
              mode: "managed",
              type: "aws_s3_bucket",
              name: "this",
              provider_name: "registry.terraform.io/hashicorp/aws",
              schema_version: 0,
              values: {
                id: "logs-210987654321",
                bucket: "logs-210987654321",
                arn: "arn:aws:s3:::logs-210987654321",
                force_destroy: false,
                object_lock_enabled: false,
                tags: null,
                tags_all: {},
              },
            },
          ],
        },
      ],
    },
  },
};

describeWithEngine("npm run plan against the real engine (terraform + the plugin mirror)", () => {
  const dir = mkdtempSync(join(tmpdir(), "plan-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };
  const state = write("show.json", originalState);

  it("carries a moved bucket over in place, on the state's own account, and names what it set aside", () => {
    const run = plan(["--stack", write("same.json", tinyStack("logs")), "--state", state, "--json"]);
    expect(run.stderr).toContain("plan: terraform plan -refresh=false");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.accountId).toBe("210987654321");
    expect(report.counts).toMatchObject({ destroy: 0, replace: 0, moved: 1 });
    expect(report.setAside).toStrictEqual([
      {
        address: "awscc_connect_approved_origin.ccp",
        why: "hashicorp/awscc 1.69.0 has no offline binary in the plugin mirror",
      },
    ]);
  }, 300_000);

  it("fails naming the resource and the attribute when a change would replace the bucket", () => {
    const run = plan(["--stack", write("renamed.json", tinyStack("audit-logs")), "--state", state]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "REPLACE aws_s3_bucket.logs (was module.logs.aws_s3_bucket.this)  [holds data or serves traffic]",
    );
    expect(run.stdout).toContain("      bucket: logs-210987654321 -> audit-logs-210987654321");
    expect(run.stdout).toMatch(/^FAILED: 1 resource\(s\) .* aws_s3_bucket\.logs \(bucket\)/m);
  }, 300_000);
});
