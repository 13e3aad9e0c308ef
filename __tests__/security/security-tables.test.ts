import { TerraformOutput } from "cdktf";
import { SecurityTables, TABLE_SPECS } from "../../constructs/security";
import { fixtureFor, KMS_KEY_ARN, newStack, synthJson } from "../policies/fixture";

const tablesOf = (env: string) =>
  fixtureFor(env).resource!.aws_dynamodb_table as Record<string, Record<string, any>>;

describe("SecurityTables", () => {
  const dev = tablesOf("dev");

  it.each([
    [
      "security_security_events_table",
      "connect-comprehensive-security-events",
      "customer_id",
      "timestamp",
      "ttl",
    ],
    ["security_auth_state_table", "connect-comprehensive-auth-state", "request_id", undefined, "ttl"],
    ["security_intents_table", "connect-comprehensive-new-intents", "utterance", "timestamp", undefined],
    [
      "security_hallucination_logs_table",
      "connect-comprehensive-hallucination-logs",
      "log_id",
      "timestamp",
      "ttl",
    ],
    [
      "security_conversation_history_table",
      "connect-comprehensive-conversation-history",
      "caller_id",
      "timestamp",
      "ttl",
    ],
    ["security_callbacks_table", "connect-comprehensive-callbacks", "callback_id", "requested_at", "ttl"],
    [
      "security_customer_access_table",
      "connect-comprehensive-customer-access",
      "customer_id",
      "accessed_at",
      "ttl",
    ],
  ])("%s: name %s, keys %s/%s, TTL %s", (address, name, hash, range, ttl) => {
    const table = dev[address];
    expect(table).toMatchObject({
      name,
      hash_key: hash,
      server_side_encryption: { enabled: true, kms_key_arn: KMS_KEY_ARN },
    });
    expect(table.range_key).toBe(range);
    expect(table.ttl?.attribute_name).toBe(ttl);
  });

  it("moves the five original tables from their modules", () => {
    const moved = fixtureFor("dev").moved!.filter((m) => m.to.startsWith("aws_dynamodb_table."));
    expect(moved).toStrictEqual([
      {
        from: "module.auth_state_table.aws_dynamodb_table.this",
        to: "aws_dynamodb_table.security_auth_state_table",
      },
      {
        from: "module.intent_table.aws_dynamodb_table.this",
        to: "aws_dynamodb_table.security_intents_table",
      },
      {
        from: "module.hallucination_logs_table.aws_dynamodb_table.this",
        to: "aws_dynamodb_table.security_hallucination_logs_table",
      },
      {
        from: "module.conversation_history_table.aws_dynamodb_table.this",
        to: "aws_dynamodb_table.security_conversation_history_table",
      },
      {
        from: "module.callback_table.aws_dynamodb_table.this",
        to: "aws_dynamodb_table.security_callbacks_table",
      },
    ]);
  });

  it("protects every table from deletion in prod and none in dev", () => {
    expect(Object.values(tablesOf("prod")).map((t) => t.deletion_protection_enabled)).toStrictEqual(
      Array(8).fill(true),
    );
    expect(Object.values(dev).map((t) => t.deletion_protection_enabled)).toStrictEqual(Array(8).fill(false));
  });

  it("keeps the auth-state key the code-hook Lambda uses", () => {
    expect(TABLE_SPECS.authState.partitionKey.name).toBe("request_id");
  });

  it("exposes every table's name and ARN by role", () => {
    const stack = newStack();
    const tables = new SecurityTables(stack, "security", { namePrefix: "cc", kmsKeyArn: KMS_KEY_ARN });
    expect(Object.keys(tables.refs).sort()).toStrictEqual([
      "authState",
      "callbacks",
      "conversationHistory",
      "countedContacts",
      "customerAccess",
      "hallucinationLogs",
      "intents",
      "securityEvents",
    ]);
    new TerraformOutput(stack, "events_arn", { value: tables.refs.securityEvents.arn });
    new TerraformOutput(stack, "auth_name", { value: tables.refs.authState.name });
    const json = synthJson(stack) as Record<string, any>;
    expect(json.output.events_arn.value).toBe("${aws_dynamodb_table.security_security_events_table.arn}");
    expect(json.output.auth_name.value).toBe("${aws_dynamodb_table.security_auth_state_table.name}");
    expect(json.resource.aws_dynamodb_table.security_security_events_table.deletion_protection_enabled).toBe(
      true,
    );
  });

  it("rejects a prefix that cannot start a table name", () => {
    expect(
      () => new SecurityTables(newStack(), "security", { namePrefix: "bad prefix", kmsKeyArn: KMS_KEY_ARN }),
    ).toThrow(/^test\/security: namePrefix "bad prefix"/);
  });
});
