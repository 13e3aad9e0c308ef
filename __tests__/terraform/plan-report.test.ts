import { formatPlanReport, judgePlan, type ResourceChange } from "../../scripts/terraform/plan-report";

/** Resource changes in the shape `terraform show -json <planfile>` writes (JSON output format, v1). */
const change = (
  address: string,
  actions: ResourceChange["change"]["actions"],
  extra: Partial<ResourceChange> & Partial<ResourceChange["change"]> = {},
): ResourceChange => {
  const { before, after, after_unknown, replace_paths, ...rest } = extra;
  return {
    address,
    mode: "managed",
    type: address.split(".").slice(-2)[0]!,
    ...rest,
    change: { actions, before, after, after_unknown, replace_paths },
  };
};

const stateful = new Set(["aws_dynamodb_table", "aws_lexv2models_bot_version", "aws_s3_bucket"]);
const intended = [
  { address: "aws_lexv2models_bot_version.this", attribute: "description", reason: "new version" },
];

describe("judging Terraform's own plan", () => {
  const plan = {
    resource_changes: [
      change("aws_sns_topic.new", ["create"]),
      change("aws_iam_role.r", ["update"]),
      change("aws_s3_bucket.kept", ["no-op"], { previous_address: "module.s3.aws_s3_bucket.this" }),
      change("aws_lexv2models_bot_version.this", ["create", "delete"], {
        action_reason: "replace_because_cannot_update",
        before: { description: "old" },
        after: { description: "sha-1" },
        after_unknown: {},
        replace_paths: [["description"]],
      }),
      change("aws_dynamodb_table.auth", ["delete", "create"], {
        previous_address: "module.auth_state_table.aws_dynamodb_table.this",
        before: { name: "auth", local_secondary_index: [{ name: "by-time" }] },
        after: { name: "auth-v2", local_secondary_index: [{ name: "by-time" }] },
        after_unknown: { arn: true },
        replace_paths: [["name"], ["local_secondary_index", 0, "name"]],
      }),
      change("aws_lambda_function.retired", ["delete"], {
        action_reason: "delete_because_no_resource_config",
      }),
      change("aws_s3_bucket.gone", ["delete"], { action_reason: "delete_because_no_resource_config" }),
      change("null_resource.build", ["forget"]),
      { ...change("data.aws_region.current", ["read"]), mode: "data" as const },
    ],
  };
  const report = judgePlan(plan, { statefulTypes: stateful, intended });

  it("counts as Terraform does: a replacement is not also an add and a destroy; moves and forgets apart", () => {
    expect(report.counts).toStrictEqual({
      add: 1,
      change: 1,
      destroy: 2,
      replace: 2,
      forget: 1,
      moved: 2,
      unchanged: 1,
    });
  });

  it("names each forcing attribute path with its old and new value", () => {
    const table = report.replacements.find((r) => r.address === "aws_dynamodb_table.auth")!;
    expect(table.paths).toStrictEqual([
      { path: "name", before: "auth", after: "auth-v2" },
      { path: "local_secondary_index[0].name", before: "by-time", after: "by-time" },
    ]);
    expect(table.previousAddress).toBe("module.auth_state_table.aws_dynamodb_table.this");
  });

  it("blocks on a stateful destroy or an unintended stateful replacement, never on an intended one", () => {
    expect(report.blocking.map((f) => f.address)).toStrictEqual([
      "aws_s3_bucket.gone",
      "aws_dynamodb_table.auth",
    ]);
    expect(report.replacements.find((r) => r.address === "aws_lexv2models_bot_version.this")?.intended).toBe(
      "new version",
    );
  });

  it("does not let an intended entry for one attribute excuse a replacement forced by another", () => {
    const other = judgePlan(
      {
        resource_changes: [
          change("aws_lexv2models_bot_version.this", ["create", "delete"], {
            before: { bot_id: "A" },
            after: { bot_id: "B" },
            after_unknown: {},
            replace_paths: [["bot_id"]],
          }),
        ],
      },
      { statefulTypes: stateful, intended },
    );
    expect(other.blocking.map((f) => f.address)).toStrictEqual(["aws_lexv2models_bot_version.this"]);
  });

  it("takes a destroy a removed block asks for as on purpose, with the block's reason", () => {
    const retired = judgePlan(
      { resource_changes: [change("module.api.aws_s3_bucket.this[0]", ["delete"])] },
      {
        statefulTypes: stateful,
        intended: [],
        removed: [{ from: "module.api.aws_s3_bucket.this", reason: "emptied first" }],
      },
    );
    expect(retired.destroys[0]!.intended).toBe("emptied first");
    expect(retired.blocking).toStrictEqual([]);
  });

  it("shows values only known after apply as such", () => {
    const unknown = judgePlan(
      {
        resource_changes: [
          change("aws_s3_bucket.b", ["delete", "create"], {
            before: { bucket: "x" },
            after: {},
            after_unknown: { bucket: true },
            replace_paths: [["bucket"]],
          }),
        ],
      },
      { statefulTypes: stateful, intended: [] },
    );
    expect(unknown.replacements[0]!.paths).toStrictEqual([
      { path: "bucket", before: "x", after: "(known after apply)" },
    ]);
  });

  it("prints the resource and attribute of every blocking change on its FAILED line", () => {
    const text = formatPlanReport(report).join("\n");
    expect(text).toContain(
      "REPLACE aws_dynamodb_table.auth (was module.auth_state_table.aws_dynamodb_table.this)",
    );
    expect(text).toContain("      name: auth -> auth-v2");
    expect(text).toContain("INTENDED aws_lexv2models_bot_version.this");
    expect(text).toContain("DESTROY aws_s3_bucket.gone  [holds data or serves traffic]");
    expect(text).toMatch(
      /^FAILED: 2 resource\(s\) .* would be destroyed or replaced: aws_s3_bucket\.gone; aws_dynamodb_table\.auth \(name, local_secondary_index\[0\]\.name\)\./m,
    );
  });

  it("says ok when nothing stateful is lost", () => {
    const quiet = judgePlan(
      { resource_changes: [change("aws_sns_topic.new", ["create"])] },
      { statefulTypes: stateful, intended },
    );
    expect(formatPlanReport(quiet).at(-1)).toMatch(/^ok: /);
  });
});
