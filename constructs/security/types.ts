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

/** One IAM policy statement as plain JSON (for policies this folder does not own, e.g. the KMS key's). */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal: Readonly<Record<string, string | readonly string[]>> | "*";
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<
    Record<string, Readonly<Record<string, string | boolean | readonly string[]>>>
  >;
}
