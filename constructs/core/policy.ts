/**
 * One IAM or resource policy statement as plain JSON, written the way AWS documents it (JSON keys,
 * not HCL blocks): identity, trust, key, bucket, queue and topic policies all use it.
 */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  /** Resource policies name one; identity policies have none. */
  readonly Principal?: "*" | Readonly<Record<string, string | readonly string[]>>;
  readonly Action: string | readonly string[];
  /** Absent only in trust policies. */
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<
    Record<string, Readonly<Record<string, string | boolean | readonly string[]>>>
  >;
}

/** A statement of a resource policy (key, bucket, queue, topic): it always names whom and what. */
export interface ResourcePolicyStatement extends PolicyStatement {
  readonly Sid: string;
  readonly Principal: "*" | Readonly<Record<string, string | readonly string[]>>;
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/**
 * The resource-policy statement that refuses any request not made over TLS (what the s3-tls-only
 * and sns-tls-only stack rules look for, and SQS's own guidance for queues).
 */
export function denyInsecureTransport(
  sid: string,
  action: string,
  resource: string | readonly string[],
): ResourcePolicyStatement {
  return {
    Sid: sid,
    Effect: "Deny",
    Principal: "*",
    Action: action,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}
