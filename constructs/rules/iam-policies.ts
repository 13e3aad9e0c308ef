import { type StackResource, type StackView, type Statement, pickAll } from "./stack-view";

/** An identity policy of the stack: where it is and its statements. */
export interface IdentityPolicy {
  readonly resource: StackResource;
  readonly statements: readonly Statement[];
}

/** Identity policies: role/user/group inline policies and managed policies (JSON or policy document). */
export function identityPolicies(stack: StackView): IdentityPolicy[] {
  const types = ["aws_iam_role_policy", "aws_iam_policy", "aws_iam_user_policy", "aws_iam_group_policy"];
  const direct = types.flatMap((type) =>
    stack.ofType(type).flatMap((resource) => {
      const statements = stack.policy(resource.body.policy);
      return statements ? [{ resource, statements }] : [];
    }),
  );
  const inline = stack.ofType("aws_iam_role").flatMap((resource) =>
    pickAll(resource.body, "inline_policy", "policy").flatMap((policy) => {
      const statements = stack.policy(policy);
      return statements ? [{ resource, statements }] : [];
    }),
  );
  return [...direct, ...inline];
}

/**
 * Actions that have no resource-level permissions: AWS only grants them on `*`. A `Resource: "*"`
 * statement made only of these is as narrow as IAM allows.
 */
export const WILDCARD_ONLY_ACTIONS: readonly string[] = [
  "cloudwatch:PutMetricData",
  "cloudwatch:GetMetricData",
  "cloudwatch:ListMetrics",
  "logs:CreateLogDelivery",
  "logs:GetLogDelivery",
  "logs:UpdateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:ListLogDeliveries",
  "logs:DescribeLogGroups",
  "logs:DescribeResourcePolicies",
  "logs:PutResourcePolicy",
  "xray:PutTraceSegments",
  "xray:PutTelemetryRecords",
  "kms:ListAliases",
  "kms:ListKeys",
  "s3:ListAllMyBuckets",
  "sts:GetCallerIdentity",
  "comprehend:DetectSentiment",
  "comprehend:DetectPiiEntities",
  "comprehend:DetectEntities",
  "comprehend:DetectDominantLanguage",
  "translate:TranslateText",
  // Only lexicons are Polly resources; synthesis without a lexicon (Lex runtime roles) is authorized on *.
  "polly:SynthesizeSpeech",
];
