import { fragment, policy, type RuleCases } from "../support";

const rolePolicy = (...statements: unknown[]) =>
  fragment({ aws_iam_role_policy: { p: { policy: policy(...statements) } } });
const P = "aws_iam_role_policy.p";

export const cases: RuleCases = {
  valid: {
    "named actions": { json: rolePolicy({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:x" }) },
    "action prefix wildcard (kms:GenerateDataKey*)": {
      json: rolePolicy({ Effect: "Allow", Action: "kms:GenerateDataKey*", Resource: "arn:k" }),
    },
    "deny of everything": { json: rolePolicy({ Effect: "Deny", Action: "*", Resource: "*" }) },
  },
  invalid: {
    "every action": {
      json: rolePolicy({ Effect: "Allow", Action: "*", Resource: "arn:x" }),
      findings: [[P, /allows \*/]],
    },
    "every action of a service": {
      json: rolePolicy({ Effect: "Allow", Action: ["s3:GetObject", "dynamodb:*"], Resource: "arn:x" }),
      findings: [[P, /allows dynamodb:\*/]],
    },
    "NotAction allow": {
      json: rolePolicy({ Effect: "Allow", NotAction: "iam:*", Resource: "arn:x" }),
      findings: [[P, /NotAction/]],
    },
    "inline policy of a role": {
      json: fragment({
        aws_iam_role: {
          r: { inline_policy: [{ policy: policy({ Effect: "Allow", Action: "sqs:*", Resource: "q" }) }] },
        },
      }),
      findings: [["aws_iam_role.r", /sqs:\*/]],
    },
  },
};
