import { fragment, policy, ref, type RuleCases } from "../support";

const tlsDeny = {
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: ["arn:b", "arn:b/*"],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const bucket = (bucketPolicy: unknown, data?: Record<string, Record<string, Record<string, unknown>>>) =>
  fragment(
    {
      aws_s3_bucket: { b: {} },
      aws_s3_bucket_policy: { p: { bucket: ref("aws_s3_bucket.b", "id"), policy: bucketPolicy } },
    },
    data,
  );
const B = "aws_s3_bucket.b";

export const cases: RuleCases = {
  valid: {
    "inline TLS deny": { json: bucket(policy(tlsDeny)) },
    "TLS deny in a policy document data source": {
      json: bucket("${data.aws_iam_policy_document.d.json}", {
        aws_iam_policy_document: {
          d: {
            statement: [
              {
                effect: "Deny",
                principals: [{ type: "*", identifiers: ["*"] }],
                actions: ["s3:*"],
                resources: ["arn:b"],
                condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
              },
            ],
          },
        },
      }),
    },
  },
  invalid: {
    "no bucket policy": { json: fragment({ aws_s3_bucket: { b: {} } }), findings: [[B, /without TLS/]] },
    "deny of writes only": {
      json: bucket(policy({ ...tlsDeny, Action: "s3:PutObject" })),
      findings: [[B, /TLS/]],
    },
    "deny on the wrong condition value": {
      json: bucket(policy({ ...tlsDeny, Condition: { Bool: { "aws:SecureTransport": "true" } } })),
      findings: [[B, /TLS/]],
    },
  },
};
