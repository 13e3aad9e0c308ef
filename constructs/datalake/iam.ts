import type { PolicyStatement } from "../core/policy";

export type { PolicyStatement };

/**
 * An IAM policy document as a JSON string. cdktf resolves tokens inside the string, so ARNs of
 * other resources can be used directly and the synthesized policy stays readable JSON.
 */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** Trust policy letting one AWS service principal assume a role, optionally only for this account. */
export function assumeRolePolicy(service: string, sourceAccount?: string): string {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: service },
      Action: "sts:AssumeRole",
      // Confused-deputy guard: the service may assume the role only on behalf of this account.
      ...(sourceAccount ? { Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } } } : {}),
    },
  ]);
}
