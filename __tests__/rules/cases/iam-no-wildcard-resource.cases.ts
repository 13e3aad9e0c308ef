import { fragment, policy, type RuleCases } from "../support";

const managed = (...statements: unknown[]) =>
  fragment({ aws_iam_policy: { p: { policy: policy(...statements) } } });
const P = "aws_iam_policy.p";

export const cases: RuleCases = {
  valid: {
    "named resources": { json: managed({ Effect: "Allow", Action: "sns:Publish", Resource: ["arn:t"] }) },
    "actions AWS only grants on *": {
      json: managed({
        Effect: "Allow",
        Action: ["xray:PutTraceSegments", "cloudwatch:PutMetricData"],
        Resource: "*",
      }),
    },
  },
  invalid: {
    "data action on *": {
      json: managed({ Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: "*" }),
      findings: [[P, /allows dynamodb:GetItem on Resource "\*"/]],
    },
    "wildcard-only action mixed with a data action": {
      json: managed({
        Effect: "Allow",
        Action: ["cloudwatch:PutMetricData", "s3:GetObject"],
        Resource: ["*"],
      }),
      findings: [[P, /s3:GetObject/]],
    },
    "a pattern that covers a wildcard-only action and more": {
      json: managed({ Effect: "Allow", Action: "cloudwatch:Put*", Resource: "*" }),
      findings: [[P, /cloudwatch:Put\*/]],
    },
    "policy from a policy document data source": {
      json: fragment(
        { aws_iam_policy: { p: { policy: "${data.aws_iam_policy_document.d.json}" } } },
        {
          aws_iam_policy_document: {
            d: {
              statement: [{ effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: ["*"] }],
            },
          },
        },
      ),
      findings: [[P, /secretsmanager:GetSecretValue/]],
    },
  },
};
