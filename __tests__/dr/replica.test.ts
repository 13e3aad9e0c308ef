import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FORCE_NEW } from "../../constructs/migration/force-new";
import { INTENDED_REPLACEMENTS } from "../../constructs/migration/intended-replacements";
import { previewReplacements, type ShowJson } from "../../constructs/migration/replacement-preview";
import { errorsOf, runRules } from "../../constructs/rules";
import { drTarget } from "../../scripts/dr/target";
import { configFor, synthConfig, synthStack, type TerraformJson } from "../support/synth";
import { GROUP_ARN, byAddress, drJson, prodJson, prodWithDr } from "./stack";
import { stateToShow, type StateV4 } from "../../scripts/terraform/state-input";

const REPLICA = "eu-central-1";

/**
 * What DR may change in place on a primary resource, and why it is in place (none of these
 * arguments forces a new object: constructs/migration/force-new.ts, provider 6.25 source).
 */
const IN_PLACE: Readonly<Record<string, readonly string[]>> = {
  // Global tables need a stream of new and old images (UpdateTable); the replica resource owns `replica`.
  aws_dynamodb_table: ["stream_enabled", "stream_view_type", "lifecycle"],
  // ReplicateSecretToRegions.
  aws_secretsmanager_secret: ["replica"],
  // The multi-Region trail records the replica buckets' object access (PutEventSelectors).
  aws_cloudtrail: ["event_selector"],
  // UpdatePhoneNumber: the number is claimed to the traffic distribution group, never released.
  aws_connect_phone_number: ["target_arn"],
  // UpdateContactFlowContent: Lambda and bot ARNs name $.AwsRegion instead of the primary Region.
  aws_connect_contact_flow: ["content"],
  aws_connect_contact_flow_module: ["content"],
  // UpdateDistribution: a second origin (the replica's site bucket), the origin group, its target.
  aws_cloudfront_distribution: ["origin", "origin_group", "default_cache_behavior"],
};

/** The values at a force-new path (`a.*.b` walks every element of block `a`). */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  const [head, ...rest] = path;
  if (head === undefined) return [value];
  const list = Array.isArray(value) ? value : [value];
  if (head === "*") return list.flatMap((v) => valuesAt(v, rest));
  return list.flatMap((v) =>
    valuesAt(v !== null && typeof v === "object" ? (v as Record<string, unknown>)[head] : undefined, rest),
  );
}

interface PrimaryChange {
  readonly address: string;
  readonly keys: string[];
  readonly forceNew: string[];
}

/** Every primary resource DR changes: which top-level arguments, and any force-new path among them. */
function primaryChanges(off: TerraformJson, on: TerraformJson): PrimaryChange[] {
  const after = byAddress(on);
  return [...byAddress(off)].flatMap(([address, before]) => {
    const now = after.get(address);
    if (now === undefined) return [{ address, keys: ["(gone)"], forceNew: ["(gone)"] }];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])].filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(now[k]),
    );
    if (keys.length === 0) return [];
    const type = address.split(".")[0]!;
    const forceNew = [...(FORCE_NEW[type] ?? []), { path: "region" }]
      .map((arg) => arg.path)
      .filter(
        (path) =>
          JSON.stringify(valuesAt(before, path.split("."))) !==
          JSON.stringify(valuesAt(now, path.split("."))),
      );
    return [{ address, keys, forceNew }];
  });
}

describe("disaster recovery: the replica Region in the same stack", () => {
  const off = prodJson();
  const stage1 = drJson();
  const stage2 = drJson({ trafficDistributionGroupArn: GROUP_ARN });

  it.each([
    ["with the replica's resources", {}],
    [
      "with the replica instance associated and the numbers in the group",
      { trafficDistributionGroupArn: GROUP_ARN },
    ],
  ])("synthesizes prod with dr.enabled %s: 0 rule errors, no stale exception", (_what, dr) => {
    const config = prodWithDr(dr);
    const report = runRules(drJson(dr), { production: true, suppressions: config.rules.suppressions });
    expect(errorsOf(report).map((f) => `${f.rule} ${f.address}: ${f.message}`)).toStrictEqual([]);
    expect(report.unusedSuppressions).toStrictEqual([]);
  });

  it("changes nothing while DR is off: dev and prod synthesize byte for byte as without the dr section", () => {
    const settings = { dr: { replicaAlias: "other-replica", residency: { callRecordings: "primary-only" } } };
    for (const env of ["dev", "prod"]) {
      expect(synthConfig(configFor(env, settings)).text).toBe(synthStack(env).text);
    }
  });

  it("puts every replica resource in the replica Region, and gives global (IAM) ones names of their own", () => {
    const misplaced = [...byAddress(stage2)]
      .filter(([address]) => address.split(".")[1]!.startsWith("dr_"))
      .filter(([address]) => !address.startsWith("aws_iam_"))
      .filter(([address, body]) =>
        address === "aws_s3_bucket_replication_configuration.dr_storage_primary_side_rule"
          ? body.region !== undefined
          : // awscc has no per-resource Region: its replica resources go through the replica's alias.
            address.startsWith("awscc_")
            ? body.provider !== "awscc.dr"
            : body.region !== REPLICA,
      )
      .map(([address]) => address);
    expect(misplaced).toStrictEqual([]);
    const roleNames = [...byAddress(stage2)]
      .filter(([a]) => a.startsWith("aws_iam_role."))
      .map(([, b]) => b.name);
    expect(new Set(roleNames).size).toBe(roleNames.length);
    // Nothing of the primary gains a Region it did not have.
    const primaryRegions = (json: TerraformJson) =>
      [...byAddress(json)]
        .filter(([a]) => !a.split(".")[1]!.startsWith("dr_"))
        .map(([a, b]) => [a, b.region]);
    expect(primaryRegions(stage2)).toStrictEqual(primaryRegions(off));
  });

  it.each([
    [
      "turning DR on",
      () => stage1,
      [
        "aws_cloudfront_distribution",
        "aws_cloudtrail",
        "aws_connect_contact_flow",
        "aws_connect_contact_flow_module",
        "aws_dynamodb_table",
        "aws_secretsmanager_secret",
      ],
    ],
    [
      "setting the traffic distribution group",
      () => stage2,
      [
        "aws_cloudfront_distribution",
        "aws_cloudtrail",
        "aws_connect_contact_flow",
        "aws_connect_contact_flow_module",
        "aws_connect_phone_number",
        "aws_dynamodb_table",
        "aws_secretsmanager_secret",
      ],
    ],
  ])(
    "replaces and removes nothing in the primary Region when %s: it adds, and updates in place only",
    (_when, on, types) => {
      const changes = primaryChanges(off, on());
      expect(changes.filter((c) => c.forceNew.length > 0)).toStrictEqual([]);
      expect(
        changes.filter((c) => !c.keys.every((k) => IN_PLACE[c.address.split(".")[0]!]?.includes(k))),
      ).toStrictEqual([]);
      expect([...new Set(changes.map((c) => c.address.split(".")[0]))].sort()).toStrictEqual(types);
      expect(on().moved).toStrictEqual(off.moved);
      expect(on().removed).toStrictEqual(off.removed);
    },
  );

  it("adds no replacement to the migration from the original state", () => {
    const original = stateToShow(
      JSON.parse(readFileSync(join(__dirname, "../migration/fixtures/original.tfstate"), "utf8")) as StateV4,
    ) as ShowJson;
    const preview = (json: TerraformJson) =>
      previewReplacements(
        original,
        json as Parameters<typeof previewReplacements>[1],
        INTENDED_REPLACEMENTS,
      ).map((r) => `${r.address} ${r.attribute}`);
    expect(preview(stage2)).toStrictEqual(preview(off));
  });

  it("moves the numbers into the traffic distribution group by target_arn, still protected from release", () => {
    for (const name of ["outbound", "toll_free"]) {
      expect(byAddress(stage2).get(`aws_connect_phone_number.${name}`)).toMatchObject({
        target_arn: GROUP_ARN,
        lifecycle: { prevent_destroy: true },
      });
      expect(byAddress(stage1).get(`aws_connect_phone_number.${name}`)?.target_arn).toBe(
        "${aws_connect_instance.connect_instance_instance.arn}",
      );
    }
  });

  it("makes every table a global table: a stream on the primary, a replica under the replica key with PITR and deletion protection", () => {
    const resources = byAddress(stage1);
    const tables = [...resources].filter(([a]) => a.startsWith("aws_dynamodb_table."));
    const replicas = [...resources].filter(([a]) => a.startsWith("aws_dynamodb_table_replica."));
    expect(replicas).toHaveLength(tables.length);
    for (const [, table] of tables) {
      expect(table).toMatchObject({
        stream_enabled: true,
        stream_view_type: "NEW_AND_OLD_IMAGES",
        lifecycle: { ignore_changes: ["replica"] },
      });
    }
    for (const [, replica] of replicas) {
      expect(replica).toMatchObject({
        kms_key_arn: "${aws_kms_key.dr_kms_key_key.arn}",
        point_in_time_recovery: true,
        deletion_protection_enabled: true,
        region: REPLICA,
      });
    }
  });

  it("replicates the secrets to the replica Region under its key", () => {
    for (const name of ["secrets_banking_api_key", "pin_encryption_private_key"]) {
      expect(byAddress(stage1).get(`aws_secretsmanager_secret.${name}`)?.replica).toStrictEqual([
        { kms_key_id: "${aws_kms_key.dr_kms_key_key.arn}", region: REPLICA },
      ]);
    }
  });

  it("runs the code hook in the replica under the primary's function name, on the replica's tables, secrets and topics", () => {
    const resources = byAddress(stage2);
    const primary = resources.get("aws_lambda_function.lex_fallback_lambda_function")!;
    const replica = resources.get("aws_lambda_function.dr_lex_fallback_lambda_function")!;
    expect(replica.function_name).toBe(primary.function_name);
    const env = (replica.environment as { variables: Record<string, string> }).variables;
    expect(env).toMatchObject({
      FRAUD_ALERT_TOPIC_ARN: "${aws_sns_topic.dr_alerts_fraud_alerts_topic.arn}",
      FRAUD_ALERT_BACKUP_QUEUE_URL: "${aws_sqs_queue.dr_fraud_backup_queue.url}",
      BANKING_API_SECRET_ID:
        '${replace(aws_secretsmanager_secret.secrets_banking_api_key.arn, ":eu-west-2:", ":eu-central-1:")}',
    });
    expect(env.AUTH_STATE_TABLE_NAME).toContain("aws_dynamodb_table_replica.dr_auth_state_replica.arn");
    expect(env.AI_INSIGHTS_STREAM_NAME).toBeUndefined();
    expect(resources.get("aws_iam_role.dr_lex_fallback_lambda_role")?.name).toBe(
      `${String(primary.function_name)}-role-${REPLICA}`,
    );
    expect(resources.get("aws_lambda_permission.dr_lex_fallback_lambda_connect_instance")).toMatchObject({
      principal: "connect.amazonaws.com",
      qualifier: "${aws_lambda_alias.dr_lex_fallback_lambda_alias.name}",
      source_arn:
        "arn:${data.aws_partition.current.partition}:connect:eu-central-1:${data.aws_caller_identity.current.account_id}:instance/${aws_connect_instance.connect_instance_instance.id}",
    });
    // The replica instance (the primary's id in the replica Region) only once it exists.
    expect(
      resources.get("aws_connect_lambda_function_association.dr_lex_fallback_replica_instance_association"),
    ).toStrictEqual({
      function_arn: "${aws_lambda_function.dr_lex_fallback_lambda_function.arn}",
      instance_id: "${aws_connect_instance.connect_instance_instance.id}",
      region: REPLICA,
    });
    expect(
      byAddress(stage1).has(
        "aws_connect_lambda_function_association.dr_lex_fallback_replica_instance_association",
      ),
    ).toBe(false);
  });

  it("copies recordings and transcripts as residency allows, into the replica bucket under the replica key", () => {
    const rule = (json: TerraformJson) =>
      byAddress(json).get("aws_s3_bucket_replication_configuration.dr_storage_primary_side_rule") as
        { rule: Array<{ filter: { prefix: string }; destination: unknown }> } | undefined;
    expect(rule(stage1)?.rule.map((r) => r.filter.prefix)).toStrictEqual([
      "call-recordings/",
      "chat-transcripts/",
    ]);
    expect(rule(stage1)?.rule[0]?.destination).toStrictEqual({
      bucket: "${aws_s3_bucket.dr_storage_recordings_bucket.arn}",
      encryption_configuration: { replica_kms_key_id: "${aws_kms_key.dr_kms_key_key.arn}" },
    });
    const callsOnly = drJson({ residency: { chatTranscripts: "primary-only" } });
    expect(rule(callsOnly)?.rule.map((r) => r.filter.prefix)).toStrictEqual(["call-recordings/"]);
    const nothing = drJson({
      residency: { callRecordings: "primary-only", chatTranscripts: "primary-only" },
    });
    expect(rule(nothing)).toBeUndefined();
    // Calls handled in the replica are still recorded there, in its own bucket.
    expect(
      byAddress(drJson({ trafficDistributionGroupArn: GROUP_ARN })).get(
        "aws_connect_instance_storage_config.dr_storage_call_recordings_storage",
      ),
    ).toMatchObject({ region: REPLICA, resource_type: "CALL_RECORDINGS" });
  });

  it("names the Lambda and the bots in the flows by $.AwsRegion, so the replicated flows reach the replica's", () => {
    const arns = (json: TerraformJson) =>
      Object.values({
        ...json.resource?.aws_connect_contact_flow,
        ...json.resource?.aws_connect_contact_flow_module,
      })
        .flatMap((flow) => [...String(flow.content).matchAll(/"(?:LambdaFunctionARN|AliasArn)": "([^"]+)"/g)])
        .map((m) => m[1]!);
    const withDr = arns(stage1);
    expect(withDr.length).toBeGreaterThan(5);
    expect(
      withDr.filter(
        (arn) => !/^arn:\$\{data\.aws_partition\.current\.partition\}:(lambda|lex):\$\.AwsRegion:/.test(arn),
      ),
    ).toStrictEqual([]);
    expect(new Set(withDr)).toStrictEqual(
      new Set([
        "arn:${data.aws_partition.current.partition}:lambda:$.AwsRegion:${data.aws_caller_identity.current.account_id}:function:${aws_lambda_function.lex_fallback_lambda_function.function_name}:${aws_lambda_alias.lex_fallback_lambda_alias.name}",
        ...[
          "${aws_lexv2models_bot.lex_gateway_bot.id}/${awscc_lex_bot_alias.this.bot_alias_id}",
          "${aws_lexv2models_bot.lex_banking_bot.id}/${awscc_lex_bot_alias.banking.bot_alias_id}",
          "${aws_lexv2models_bot.lex_sales_bot.id}/${awscc_lex_bot_alias.sales.bot_alias_id}",
        ].map(
          (ids) =>
            `arn:\${data.aws_partition.current.partition}:lex:$.AwsRegion:\${data.aws_caller_identity.current.account_id}:bot-alias/${ids}`,
        ),
      ]),
    );
    // Without DR the flows keep naming the primary's ARNs as before.
    expect(
      arns(off).every((arn) => /^\$\{(aws_lambda_alias|awscc_lex_bot_alias)\.[a-z_]+\.arn\}$/.test(arn)),
    ).toBe(true);
  });

  it("associates the bots' replicas (Lex Global Resiliency: same ids) with the replica instance, through awscc in the replica Region", () => {
    const resources = byAddress(stage2);
    const associations = [...resources].filter(([a]) =>
      a.startsWith("awscc_connect_integration_association.dr_"),
    );
    expect(
      associations.map(([a, b]) => [a, b.provider, b.integration_type, b.integration_arn]),
    ).toStrictEqual(
      [
        ["banking", "banking"],
        ["gateway", "this"],
        ["sales", "sales"],
      ].map(([key, alias]) => [
        `awscc_connect_integration_association.dr_${key}_bot_association`,
        "awscc.dr",
        "LEX_BOT",
        `\${replace(awscc_lex_bot_alias.${alias}.arn, ":eu-west-2:", ":eu-central-1:")}`,
      ]),
    );
    expect((stage2.provider?.awscc ?? []).find((p) => p.alias === "dr")?.region).toBe(REPLICA);
    // The bots with a code hook may call the replica's Lambda, from their replica alias only.
    expect(
      [...resources]
        .filter(
          ([a, b]) => a.startsWith("aws_lambda_permission.dr_") && b.principal === "lexv2.amazonaws.com",
        )
        .map(([, b]) => b.source_arn)
        .sort(),
    ).toStrictEqual(
      ["banking", "this"].map(
        (alias) => `\${replace(awscc_lex_bot_alias.${alias}.arn, ":eu-west-2:", ":eu-central-1:")}`,
      ),
    );
  });

  it("replicates exactly the stack's bots in dr:replicate", () => {
    const synthesized = [...byAddress(off)]
      .filter(([a]) => a.startsWith("aws_lexv2models_bot."))
      .map(([, b]) => b.name)
      .sort();
    expect([...drTarget("prod", prodWithDr({})).botNames].sort()).toStrictEqual(synthesized);
  });
});
