/** DynamoDB scalar attribute types usable in keys: string, number, binary. */
export type KeyAttributeType = "S" | "N" | "B";

/** One key attribute of a table (partition or sort key). */
export interface KeyAttribute {
  /** Attribute name, e.g. `customer_id`. */
  readonly name: string;
  /**
   * Attribute type.
   * @default "S"
   */
  readonly type?: KeyAttributeType;
}

/** Name and ARN of a table, what consumers (Lambda env vars, IAM policies) need. */
export interface TableRef {
  readonly name: string;
  readonly arn: string;
}

/** Name and ARN of a topic. */
export interface TopicRef {
  readonly name: string;
  readonly arn: string;
}

import type { ResourcePolicyStatement } from "../core/policy";

/** One statement of a policy this folder writes (resource policies: key, bucket, topic). */
export type PolicyStatement = ResourcePolicyStatement;
