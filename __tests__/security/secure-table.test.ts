import { SecureTable } from "../../constructs/security";
import { KMS_KEY_ARN, newStack, synthJson } from "../policies/fixture";

const base = { tableName: "cc-events", partitionKey: { name: "customer_id" }, kmsKeyArn: KMS_KEY_ARN };

function tableOf(props: Partial<ConstructorParameters<typeof SecureTable>[2]> = {}) {
  const stack = newStack();
  new SecureTable(stack, "events", { ...base, ...props });
  const json = synthJson(stack);
  return { json, table: json.resource!.aws_dynamodb_table!.events_table as Record<string, any> };
}

describe("SecureTable", () => {
  it("defaults to on-demand, PITR, CMK encryption and deletion protection", () => {
    const { table, json } = tableOf();
    expect(table).toMatchObject({
      name: "cc-events",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "customer_id",
      attribute: [{ name: "customer_id", type: "S" }],
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: KMS_KEY_ARN },
      deletion_protection_enabled: true,
    });
    expect(table.range_key).toBeUndefined();
    expect(table.ttl).toBeUndefined();
    expect(json.moved).toBeUndefined();
  });

  it("declares sort key and TTL with their types", () => {
    const { table } = tableOf({ sortKey: { name: "timestamp", type: "N" }, ttlAttribute: "ttl" });
    expect(table.range_key).toBe("timestamp");
    expect(table.attribute).toStrictEqual([
      { name: "customer_id", type: "S" },
      { name: "timestamp", type: "N" },
    ]);
    expect(table.ttl).toStrictEqual({ enabled: true, attribute_name: "ttl" });
  });

  it("lets a disposable environment turn deletion protection off", () => {
    expect(tableOf({ deletionProtection: false }).table.deletion_protection_enabled).toBe(false);
  });

  it("moves the original module's table address", () => {
    const { json } = tableOf({ movedFromModule: "intent_table" });
    expect(json.moved).toStrictEqual([
      { from: "module.intent_table.aws_dynamodb_table.this", to: "aws_dynamodb_table.events_table" },
    ]);
  });

  it.each([
    ["a bad table name", { tableName: "no spaces" }, /tableName "no spaces"/],
    [
      "sort key equal to the partition key",
      { sortKey: { name: "customer_id" } },
      /sortKey "customer_id" repeats the partition key/,
    ],
    [
      "TTL on a key attribute",
      { ttlAttribute: "customer_id" },
      /ttlAttribute "customer_id" is a key attribute/,
    ],
    ["a bad attribute name", { partitionKey: { name: "a b" } }, /partitionKey.name "a b"/],
    ["a module address instead of a name", { movedFromModule: "module.x" }, /movedFromModule "module.x"/],
  ])("rejects %s, naming the construct path", (_case, props, message) => {
    const stack = newStack();
    expect(() => new SecureTable(stack, "events", { ...base, ...props })).toThrow(message);
    expect(() => new SecureTable(newStack(), "events", { ...base, ...props })).toThrow(/^test\/events: /);
  });
});
