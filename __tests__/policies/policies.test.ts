import { readdirSync } from "node:fs";
import { join } from "node:path";
import { synthStack, type TerraformJson } from "../support/synth";
import { fixtureFor } from "./fixture";
import { RULES, runPolicies } from "./index";
import type { PolicyRule } from "./types";

const ruleById = (id: string): PolicyRule => {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};

const withResources = (resource: TerraformJson["resource"]): TerraformJson => ({ resource });

const table = (body: Record<string, unknown>) => withResources({ aws_dynamodb_table: { t: body } });
const topicWithPolicy = (policy: unknown, topic: Record<string, unknown> = { kms_master_key_id: "k" }) =>
  withResources({
    aws_sns_topic: { t: topic },
    aws_sns_topic_policy: { p: { arn: "${aws_sns_topic.t.arn}", policy: JSON.stringify(policy) } },
  });
const tlsDeny = {
  Statement: [
    {
      Effect: "Deny",
      Principal: "*",
      Action: "sns:Publish",
      Resource: "x",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
};
const alarm = (body: Record<string, unknown>) =>
  withResources({ aws_cloudwatch_metric_alarm: { a: { alarm_actions: ["t"], ok_actions: ["t"], ...body } } });
const queueDims = { InstanceId: "i", MetricGroup: "Queue", QueueName: "q" };

const cases: Record<
  string,
  { valid: Record<string, TerraformJson>; invalid: Record<string, [TerraformJson, RegExp]> }
> = {
  "dynamodb-sse-kms": {
    valid: {
      "SSE with a CMK": table({ server_side_encryption: { enabled: true, kms_key_arn: "arn:k" } }),
      "no tables": {},
    },
    invalid: {
      "no SSE block": [table({}), /kms_key_arn/],
      "SSE with the AWS-owned key": [table({ server_side_encryption: { enabled: true } }), /kms_key_arn/],
      "SSE disabled with a key": [
        table({ server_side_encryption: { enabled: false, kms_key_arn: "arn:k" } }),
        /enabled/,
      ],
    },
  },
  "dynamodb-pitr": {
    valid: { "PITR on": table({ point_in_time_recovery: { enabled: true } }) },
    invalid: {
      "PITR missing": [table({}), /point_in_time_recovery/],
      "PITR off": [table({ point_in_time_recovery: { enabled: false } }), /point_in_time_recovery/],
    },
  },
  "sns-kms": {
    valid: { "key set": withResources({ aws_sns_topic: { t: { kms_master_key_id: "arn:k" } } }) },
    invalid: {
      "no key": [withResources({ aws_sns_topic: { t: {} } }), /kms_master_key_id/],
      "empty key": [withResources({ aws_sns_topic: { t: { kms_master_key_id: "" } } }), /kms_master_key_id/],
    },
  },
  "sns-tls-only": {
    valid: { "deny without TLS": topicWithPolicy(tlsDeny) },
    invalid: {
      "no topic policy": [
        withResources({ aws_sns_topic: { t: { kms_master_key_id: "k" } } }),
        /SecureTransport/,
      ],
      "policy only allows": [
        topicWithPolicy({ Statement: [{ Effect: "Allow", Principal: "*", Action: "sns:Publish" }] }),
        /SecureTransport/,
      ],
      "deny on the wrong condition value": [
        topicWithPolicy({
          Statement: [{ ...tlsDeny.Statement[0], Condition: { Bool: { "aws:SecureTransport": "true" } } }],
        }),
        /SecureTransport/,
      ],
      "deny for a different action": [
        topicWithPolicy({ Statement: [{ ...tlsDeny.Statement[0], Action: "sns:Subscribe" }] }),
        /SecureTransport/,
      ],
    },
  },
  "alarm-actions": {
    valid: { "both actions": alarm({}) },
    invalid: {
      "no alarm actions": [alarm({ alarm_actions: [] }), /alarm_actions/],
      "no ok actions": [alarm({ ok_actions: undefined }), /ok_actions/],
    },
  },
  "connect-metric-dimensions": {
    valid: {
      "queue metric with queue dimensions": alarm({
        namespace: "AWS/Connect",
        metric_name: "QueueSize",
        dimensions: queueDims,
      }),
      "instance metric": alarm({
        namespace: "AWS/Connect",
        metric_name: "MissedCalls",
        dimensions: { InstanceId: "i", MetricGroup: "VoiceCalls" },
      }),
      "non-Connect metric without dimensions": alarm({
        namespace: "Connect/BedrockMCP",
        metric_name: "BedrockAPIErrors",
      }),
    },
    invalid: {
      "queue metric without dimensions": [
        alarm({ namespace: "AWS/Connect", metric_name: "QueueSize" }),
        /needs dimensions InstanceId, MetricGroup, QueueName, has none/,
      ],
      "queue metric without QueueName": [
        alarm({
          namespace: "AWS/Connect",
          metric_name: "LongestQueueWaitTime",
          dimensions: { InstanceId: "i", MetricGroup: "Queue" },
        }),
        /QueueName/,
      ],
      "wrong metric group": [
        alarm({
          namespace: "AWS/Connect",
          metric_name: "QueueSize",
          dimensions: { ...queueDims, MetricGroup: "VoiceCalls" },
        }),
        /MetricGroup=Queue/,
      ],
      "metric Connect does not publish (guide's QueueWaitTime)": [
        alarm({ namespace: "AWS/Connect", metric_name: "QueueWaitTime" }),
        /no metric "QueueWaitTime"/,
      ],
      "unpublished metric inside metric math (original abandonment)": [
        alarm({
          metric_query: [
            {
              id: "abandoned",
              metric: { namespace: "AWS/Connect", metric_name: "ContactsAbandoned", dimensions: queueDims },
            },
          ],
        }),
        /metric_query abandoned: .*ContactsAbandoned/,
      ],
    },
  },
};

describe("policy rules", () => {
  it("are each registered once, one file per rule named by its id", () => {
    const files = readdirSync(join(__dirname, "rules"))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(RULES.map((r) => r.id).sort()).toStrictEqual(files);
    expect(Object.keys(cases).sort()).toStrictEqual(files);
  });

  describe.each(Object.entries(cases))("%s", (id, { valid, invalid }) => {
    it.each(Object.entries(valid))("accepts: %s", (_name, json) => {
      expect(ruleById(id).check(json)).toStrictEqual([]);
    });
    it.each(Object.entries(invalid))("reports: %s", (_name, [json, message]) => {
      const findings = ruleById(id).check(json);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toMatch(message);
    });
  });
});

describe("synthesized output passes every policy", () => {
  it.each(["dev", "prod"])("security tables, topics and observability (%s config)", (env) => {
    const json = fixtureFor(env, {
      security: { alarmEmails: ["ops@bank.test"], fraudAlertEmails: ["fraud@bank.test"] },
    });
    expect(Object.keys(json.resource?.aws_dynamodb_table ?? {})).toHaveLength(7);
    expect(Object.keys(json.resource?.aws_sns_topic ?? {})).toHaveLength(3);
    expect(runPolicies(json)).toStrictEqual([]);
  });

  it.each(["dev", "prod"])("the whole contact-centre stack (%s)", (env) => {
    expect(runPolicies(synthStack(env).json)).toStrictEqual([]);
  });
});
