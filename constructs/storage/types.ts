/** One IAM policy statement as it appears in a policy JSON document. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal: "*" | Readonly<Record<string, string | readonly string[]>>;
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

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
