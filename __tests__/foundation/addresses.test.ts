import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import {
  AddressedStack,
  RemovedFromState,
  keepAddress,
  movedFrom,
  toTerraformName,
} from "../../constructs/core/addresses";

function newStack(): AddressedStack {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-2" });
  return stack;
}

function synthJson(stack: AddressedStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack, true));
}

describe("AddressedStack logical ids", () => {
  it("are the snake-cased construct path without a hash", () => {
    const stack = newStack();
    const group = new Construct(stack, "Observability");
    new CloudwatchLogGroup(group, "LexLogs", { name: "/aws/lex/x" });
    expect(Object.keys(synthJson(stack).resource.aws_cloudwatch_log_group)).toStrictEqual([
      "observability_lex_logs",
    ]);
  });

  it("fail synth naming both construct paths when two elements share an address", () => {
    const stack = newStack();
    new CloudwatchLogGroup(new Construct(stack, "a"), "logs", { name: "one" });
    keepAddress(new CloudwatchLogGroup(stack, "other", { name: "two" }), "a_logs");
    expect(() => Testing.synth(stack, true)).toThrow(
      /Two elements share the Terraform address aws_cloudwatch_log_group\.a_logs: test\/a\/logs and test\/other/,
    );
  });

  it.each([
    ["SecurityEventsTable", "security_events_table"],
    ["queue_transfer", "queue_transfer"],
    ["FraudTeam-24x7", "fraud_team_24x7"],
  ])("snake-cases %s as %s", (input, expected) => {
    expect(toTerraformName(input)).toBe(expected);
  });
});

describe("keepAddress", () => {
  it("pins the original HCL name", () => {
    const stack = newStack();
    keepAddress(new CloudwatchLogGroup(new Construct(stack, "deep"), "x", { name: "n" }), "lex_logs");
    expect(Object.keys(synthJson(stack).resource.aws_cloudwatch_log_group)).toStrictEqual(["lex_logs"]);
  });

  it("rejects a name Terraform would not accept", () => {
    const stack = newStack();
    expect(() => keepAddress(new CloudwatchLogGroup(stack, "x", { name: "n" }), 'queues["A"]')).toThrow(
      /keepAddress: "queues\["A"\]" at test\/x is not a valid Terraform name/,
    );
  });
});

describe("movedFrom", () => {
  it("emits a moved block from the module address", () => {
    const stack = newStack();
    movedFrom(
      keepAddress(new CloudwatchLogGroup(stack, "x", { name: "n" }), "firehose_errors"),
      "module.firehose_ctr.aws_cloudwatch_log_group.firehose_error_logging",
    );
    expect(synthJson(stack).moved).toStrictEqual([
      {
        from: "module.firehose_ctr.aws_cloudwatch_log_group.firehose_error_logging",
        to: "aws_cloudwatch_log_group.firehose_errors",
      },
    ]);
  });

  it("rejects an address of another resource type", () => {
    const stack = newStack();
    expect(() =>
      movedFrom(new CloudwatchLogGroup(stack, "x", { name: "n" }), "module.kms_key.aws_kms_key.this"),
    ).toThrow(/not a aws_cloudwatch_log_group address/);
  });
});

describe("RemovedFromState", () => {
  it("emits a removed block that keeps the real object by default", () => {
    const stack = newStack();
    new RemovedFromState(stack, "gone", {
      from: "null_resource.lex_bot_association",
      reason: "CLI association replaced",
    });
    expect(synthJson(stack).removed).toStrictEqual([
      { from: "null_resource.lex_bot_association", lifecycle: { destroy: false } },
    ]);
    // The reason travels as a JSON comment ("//") in cdk.tf.json; Testing.synth strips comments.
    expect(stack.toTerraform().removed).toStrictEqual([
      {
        from: "null_resource.lex_bot_association",
        lifecycle: { destroy: false },
        "//": { reason: "CLI association replaced" },
      },
    ]);
  });

  it("rejects an indexed address (Terraform removes whole resources)", () => {
    const stack = newStack();
    expect(() => new RemovedFromState(stack, "gone", { from: 'null_resource.x["a"]', reason: "r" })).toThrow(
      /without an index/,
    );
  });
});
