import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { movedFrom } from "../core/addresses";
import type { KeyAttribute, TableRef } from "./types";

export interface SecureTableProps {
  /** Physical table name. Changing it replaces the table (and loses its data). */
  readonly tableName: string;
  /** Partition (hash) key. */
  readonly partitionKey: KeyAttribute;
  /**
   * Sort (range) key.
   * @default - none
   */
  readonly sortKey?: KeyAttribute;
  /**
   * Attribute holding the expiry time (epoch seconds); DynamoDB deletes expired items.
   * @default - no TTL
   */
  readonly ttlAttribute?: string;
  /** ARN of the customer-managed KMS key for server-side encryption. */
  readonly kmsKeyArn: string;
  /**
   * Refuse DeleteTable while set (prod). Turn off only to tear down a disposable environment.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Name of the original HCL module that held this table (`intent_table` for
   * `module.intent_table.aws_dynamodb_table.this`); adds a `moved` block so state is kept.
   * @default - a new table, no moved block
   */
  readonly movedFromModule?: string;
}

const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,255}$/;
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * A DynamoDB table with the controls every table in a bank needs and none may forget:
 * on-demand capacity, point-in-time recovery, SSE with a customer-managed KMS key, deletion
 * protection. Keys are typed; TTL is optional.
 */
export class SecureTable extends Construct implements TableRef {
  public readonly table: DynamodbTable;
  public readonly name: string;
  public readonly arn: string;

  constructor(scope: Construct, id: string, props: SecureTableProps) {
    super(scope, id);
    validate(this.node.path, props);

    const deletionProtection = props.deletionProtection ?? true;
    const keys = [props.partitionKey, ...(props.sortKey ? [props.sortKey] : [])];

    this.table = new DynamodbTable(this, "table", {
      name: props.tableName,
      billingMode: "PAY_PER_REQUEST",
      hashKey: props.partitionKey.name,
      rangeKey: props.sortKey?.name,
      attribute: keys.map((key) => ({ name: key.name, type: key.type ?? "S" })),
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      pointInTimeRecovery: { enabled: true },
      ttl: props.ttlAttribute ? { enabled: true, attributeName: props.ttlAttribute } : undefined,
      deletionProtectionEnabled: deletionProtection,
    });
    if (props.movedFromModule) {
      movedFrom(this.table, `module.${props.movedFromModule}.aws_dynamodb_table.this`);
    }

    this.name = this.table.name;
    this.arn = this.table.arn;
  }
}

function validate(path: string, props: SecureTableProps): void {
  // A name computed by Terraform cannot be checked here; AWS checks it at apply.
  if (!Token.isUnresolved(props.tableName) && !TABLE_NAME.test(props.tableName)) {
    throw new Error(
      `${path}: tableName "${props.tableName}" is not a DynamoDB table name: use 3-255 letters, digits, _, - or .`,
    );
  }
  for (const [field, value] of [
    ["partitionKey.name", props.partitionKey.name],
    ["sortKey.name", props.sortKey?.name],
    ["ttlAttribute", props.ttlAttribute],
  ] as const) {
    if (value !== undefined && !ATTRIBUTE_NAME.test(value)) {
      throw new Error(
        `${path}: ${field} "${value}" is not an attribute name: use 1-255 letters, digits, _, - or .`,
      );
    }
  }
  if (props.sortKey && props.sortKey.name === props.partitionKey.name) {
    throw new Error(
      `${path}: sortKey "${props.sortKey.name}" repeats the partition key: choose a different attribute or omit sortKey`,
    );
  }
  if (props.ttlAttribute && [props.partitionKey.name, props.sortKey?.name].includes(props.ttlAttribute)) {
    throw new Error(
      `${path}: ttlAttribute "${props.ttlAttribute}" is a key attribute: TTL needs its own numeric attribute such as "ttl"`,
    );
  }
  if (props.movedFromModule !== undefined && !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(props.movedFromModule)) {
    throw new Error(
      `${path}: movedFromModule "${props.movedFromModule}" is not an HCL module name: pass e.g. "intent_table"`,
    );
  }
}
