import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStateList } from "../../constructs/migration/ledger";
import { compareWithList } from "../../scripts/terraform/original-list";
import type { StateV4 } from "../../scripts/terraform/state-input";
import { attributes, STATE } from "./support/original-fixture";

const ROOT = join(__dirname, "../..");
const LIST = parseStateList(readFileSync(join(ROOT, "docs/migration/original-state-list.txt"), "utf8"));

describe("compareWithList", () => {
  const state: StateV4 = {
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "x",
    outputs: {},
    resources: [
      {
        mode: "managed",
        type: "aws_connect_queue",
        name: "q",
        provider: "p",
        instances: [{ index_key: "A", schema_version: 0, attributes: {}, sensitive_attributes: [] }],
      },
      {
        mode: "managed",
        type: "aws_sns_topic",
        name: "extra",
        provider: "p",
        instances: [{ schema_version: 0, attributes: {}, sensitive_attributes: [] }],
      },
    ],
  };

  it("sorts the list into present, set aside with why, missing, and the state's extras", () => {
    const result = compareWithList(state, [
      'aws_connect_queue.q["A"]',
      'aws_connect_queue.q["B"]',
      "null_resource.n",
      "module.m.data.aws_connect_queue.basic",
    ]);
    expect(result.present).toEqual(['aws_connect_queue.q["A"]']);
    expect(result.missing).toEqual(['aws_connect_queue.q["B"]']);
    expect(result.setAside.map((s) => s.address)).toEqual([
      "null_resource.n",
      "module.m.data.aws_connect_queue.basic",
    ]);
    expect(result.extra).toEqual(["aws_sns_topic.extra"]);
  });
});

describe("the committed original state (original.tfstate)", () => {
  it("holds every address of the original's state list but the set-aside ones, and nothing else", () => {
    const result = compareWithList(STATE, LIST);
    expect({ missing: result.missing, extra: result.extra }).toEqual({ missing: [], extra: [] });
    expect([LIST.length, result.present.length, result.setAside.length]).toEqual([225, 193, 32]);
    const setAsideTypes = new Set(
      result.setAside.map((s) => s.address.replace(/\[.*$/, "").split(".").slice(-2)[0]),
    );
    expect([...setAsideTypes].sort()).toEqual([
      "archive_file",
      "aws_connect_hours_of_operation",
      "aws_connect_queue",
      "aws_connect_security_profile",
      "awscc_lex_bot_alias",
      "local_file",
      "null_resource",
    ]);
  });

  it("looks applied: every id known, no reference left pending, one account", () => {
    const text = JSON.stringify(STATE.resources);
    expect(text).not.toContain("arn:aws:pending:");
    for (const r of STATE.resources.filter((x) => x.mode === "managed")) {
      // Framework resources without an `id` attribute (the guardrail) have none to check.
      for (const i of r.instances.filter((x) => "id" in x.attributes)) {
        expect([r.type, i.attributes.id]).toEqual([r.type, expect.stringMatching(/^[^:,].*[^:,]$/)]);
      }
    }
    const accounts = new Set([...text.matchAll(/arn:aws:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/g)].map((m) => m[1]));
    // The other account is the original's own literal: a Bedrock inference profile ARN in main.tf.
    expect([...accounts].sort()).toEqual(["123456789012", "395402194296"]);
    expect(text.match(/395402194296/g)).toHaveLength(1);
  });

  it("agrees across references: children carry their parents' ids and ARNs", () => {
    const instance = attributes("module.connect_instance.aws_connect_instance.this");
    for (const queue of ["AccountQueue", "GeneralAgentQueue", "LendingQueue", "OnboardingQueue"]) {
      const q = attributes(`aws_connect_queue.queues["${queue}"]`);
      expect(q.instance_id).toBe(instance.id);
      expect(q.id).toBe(`${instance.id as string}:${q.queue_id as string}`);
      expect(q.arn).toBe(`${instance.arn as string}/queue/${q.queue_id as string}`);
      const qc = attributes(`aws_connect_quick_connect.queue_transfer["${queue}"]`);
      const config = (qc.quick_connect_config as Array<{ queue_config: Array<{ queue_id: string }> }>)[0]!;
      expect(config.queue_config[0]!.queue_id).toBe(q.queue_id);
    }
    const role = attributes("module.lex_bot.aws_iam_role.lex_role");
    expect(attributes("module.lex_bot.aws_lexv2models_bot.this").role_arn).toBe(role.arn);
    expect(attributes("module.lex_bot.aws_iam_role_policy.lex_policy").role).toBe(role.id);
    const bot = attributes("module.lex_bot.aws_lexv2models_bot.this");
    expect(attributes("aws_lexv2models_bot_version.this").bot_id).toBe(bot.id);
  });
});
