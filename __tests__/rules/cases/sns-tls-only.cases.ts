import { fragment, policy, ref, type RuleCases } from "../support";

const tlsDeny = {
  Effect: "Deny",
  Principal: "*",
  Action: "sns:Publish",
  Resource: "x",
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const topicWithPolicy = (...statements: unknown[]) =>
  fragment({
    aws_sns_topic: { t: {} },
    aws_sns_topic_policy: { p: { arn: ref("aws_sns_topic.t"), policy: policy(...statements) } },
  });
const T = "aws_sns_topic.t";

export const cases: RuleCases = {
  valid: {
    "deny without TLS": { json: topicWithPolicy(tlsDeny) },
    "deny of sns:* without TLS": { json: topicWithPolicy({ ...tlsDeny, Action: ["sns:*"] }) },
  },
  invalid: {
    "no topic policy": { json: fragment({ aws_sns_topic: { t: {} } }), findings: [[T, /SecureTransport/]] },
    "policy only allows": {
      json: topicWithPolicy({ Effect: "Allow", Principal: "*", Action: "sns:Publish" }),
      findings: [[T, /SecureTransport/]],
    },
    "deny on the wrong condition value": {
      json: topicWithPolicy({ ...tlsDeny, Condition: { Bool: { "aws:SecureTransport": "true" } } }),
      findings: [[T, /SecureTransport/]],
    },
    "deny for a different action": {
      json: topicWithPolicy({ ...tlsDeny, Action: "sns:Subscribe" }),
      findings: [[T, /SecureTransport/]],
    },
    "policy of another topic": {
      json: fragment({
        aws_sns_topic: { t: {}, other: {} },
        aws_sns_topic_policy: { p: { arn: ref("aws_sns_topic.other"), policy: policy(tlsDeny) } },
      }),
      findings: [[T, /SecureTransport/]],
    },
  },
};
