import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

import type { ResourcePolicyStatement } from "../core/policy";

/** One statement of a policy this folder writes (resource policies: key, bucket, topic). */
export type PolicyStatement = ResourcePolicyStatement;

/** Account and partition a key or bucket policy is written for (from Platform). */
export interface AccountContext {
  /** AWS account id (Platform.accountId). */
  readonly accountId: string;
  /** Region name (Platform.regionName). */
  readonly region: string;
  /** ARN partition (Platform.partition). */
  readonly partition: string;
}

/** A policy document as the JSON string a resource's `policy` argument takes. */
export function policyJson(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** A statement as `data.aws_iam_policy_document` takes it (HCL blocks rather than JSON keys). */
export function documentStatement(statement: PolicyStatement): DataAwsIamPolicyDocumentStatement {
  const list = (value: string | readonly string[]): string[] =>
    typeof value === "string" ? [value] : [...value];
  const { Principal, Condition } = statement;
  return {
    sid: statement.Sid,
    effect: statement.Effect,
    principals:
      Principal === "*"
        ? [{ type: "*", identifiers: ["*"] }]
        : Object.entries(Principal).map(([type, identifiers]) => ({ type, identifiers: list(identifiers) })),
    actions: list(statement.Action),
    resources: list(statement.Resource),
    condition:
      Condition &&
      Object.entries(Condition).flatMap(([test, variables]) =>
        Object.entries(variables).map(([variable, values]) => ({ test, variable, values: list(values) })),
      ),
  };
}
