import { fragment, policy, type RuleCases } from "../support";

const rolePolicy = (...statements: unknown[]) =>
  fragment({ aws_iam_role_policy: { p: { policy: policy(...statements) } } });
const passRole = { Effect: "Allow", Action: "iam:PassRole", Resource: "arn:role" };
const P = "aws_iam_role_policy.p";

export const cases: RuleCases = {
  valid: {
    "PassRole to one service": {
      json: rolePolicy({
        ...passRole,
        Condition: { StringEquals: { "iam:PassedToService": "firehose.amazonaws.com" } },
      }),
    },
    "no PassRole": { json: rolePolicy({ Effect: "Allow", Action: "iam:GetRole", Resource: "arn:role" }) },
  },
  invalid: {
    "PassRole without condition": { json: rolePolicy(passRole), findings: [[P, /iam:PassedToService/]] },
    "iam:Pass* without condition": {
      json: rolePolicy({ ...passRole, Action: ["iam:Pass*"] }),
      findings: [[P, /iam:PassedToService/]],
    },
  },
};
