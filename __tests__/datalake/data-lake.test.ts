import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStateList } from "../../constructs/migration/ledger";
import { DataLake, type DataLakeProps } from "../../constructs/datalake";
import {
  ENV,
  KMS_KEY,
  unaccountedAddresses,
  devConfig,
  names,
  resource,
  statements,
  synth,
  type TfJson,
} from "./synth";
import { forSnapshot } from "../support/snapshot";

function dataLake(overrides: Partial<DataLakeProps> = {}, configOverrides?: unknown): TfJson {
  return synth((stack) => {
    new DataLake(stack, "datalake", {
      namePrefix: "connect-comprehensive",
      config: devConfig(configOverrides).datalake,
      env: ENV,
      kmsKeyArn: KMS_KEY,
      connectInstanceId: "instance-id",
      connectStorageBucketName: "connect-storage",
      ...overrides,
    });
  });
}

/** Original state addresses this construct owns, from the exact committed state list. */
const OWNED =
  /datalake_bucket|module\.kinesis_(ctr|agent_events|ai_reporting)\.|module\.firehose_(ctr|agent_events|ai_reporting|lifecycle_events)\.|eventbridge_firehose|connect_lifecycle|storage_config\.(ctr_stream|agent_events_stream)|glue_datalake/;
const ORIGINAL = parseStateList(
  readFileSync(join(__dirname, "../../docs/migration/original-state-list.txt"), "utf8"),
).filter((address) => OWNED.test(address));

describe("DataLake", () => {
  const json = dataLake();

  it("synthesizes a stable document", () => {
    expect(forSnapshot(json)).toMatchSnapshot();
  });

  it("accounts for every original data lake address", () => {
    expect(ORIGINAL).toHaveLength(55);
    expect(unaccountedAddresses(ORIGINAL, json)).toEqual([]);
  });

  it("moves count-indexed module resources from their [0] / [i] instance", () => {
    const from = (json.moved ?? []).map((m) => m.from);
    expect(from).toContain("module.datalake_bucket.aws_s3_bucket_lifecycle_configuration.this[0]");
    expect(from).toEqual(
      expect.arrayContaining(
        [0, 1, 2, 3, 4].map((i) => `module.glue_datalake.aws_glue_catalog_table.this[${i}]`),
      ),
    );
    const tableMoves = (json.moved ?? []).filter((m) => m.from.includes("aws_glue_catalog_table"));
    expect(tableMoves.map((m) => m.to)).toEqual([
      "aws_glue_catalog_table.datalake_catalog_ctrs",
      "aws_glue_catalog_table.datalake_catalog_agent_events",
      "aws_glue_catalog_table.datalake_catalog_lifecycle_events",
      "aws_glue_catalog_table.datalake_catalog_ai_insights",
      "aws_glue_catalog_table.datalake_catalog_contact_lens_analysis",
    ]);
  });

  it("destroys the unused CloudWatch-Logs roles of the data lake streams and forgets the ACL", () => {
    const removed = json.removed ?? [];
    const logsRoles = removed.filter(
      (r) => r.from.includes("cloudwatch_to_firehose") || r.from.includes("cw_to_firehose"),
    );
    expect(logsRoles).toHaveLength(12);
    expect(logsRoles.every((r) => r.lifecycle.destroy)).toBe(true);
    expect(
      removed.find((r) => r.from === "module.datalake_bucket.aws_s3_bucket_acl.this")?.lifecycle.destroy,
    ).toBe(false);
    expect(names(json, "aws_s3_bucket_acl")).toEqual([]);
  });

  it("keeps the bucket private, versioned, KMS-encrypted and TLS-only", () => {
    expect(resource(json, "aws_s3_bucket", "datalake_bucket_bucket")).toMatchObject({
      bucket: "connect-comprehensive-datalake-111122223333",
      force_destroy: false,
    });
    expect(
      resource(json, "aws_s3_bucket_versioning", "datalake_bucket_versioning").versioning_configuration
        .status,
    ).toBe("Enabled");
    const sse = resource(
      json,
      "aws_s3_bucket_server_side_encryption_configuration",
      "datalake_bucket_encryption",
    ).rule[0];
    expect(sse.apply_server_side_encryption_by_default).toEqual({
      sse_algorithm: "aws:kms",
      kms_master_key_id: KMS_KEY,
    });
    expect(
      resource(json, "aws_s3_bucket_public_access_block", "datalake_bucket_public_access_block"),
    ).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(
      resource(json, "aws_s3_bucket_ownership_controls", "datalake_bucket_ownership").rule.object_ownership,
    ).toBe("BucketOwnerEnforced");
    const deny = json.data?.aws_iam_policy_document.datalake_bucket_policy_document.statement[0];
    expect(deny).toMatchObject({
      effect: "Deny",
      actions: ["s3:*"],
      condition: [{ variable: "aws:SecureTransport", values: ["false"] }],
    });
  });

  it("encrypts the three Kinesis streams with KMS and sizes them from config", () => {
    const custom = dataLake({}, { datalake: { ctrStream: { shardCount: 4, retentionHours: 168 } } });
    expect(names(custom, "aws_kinesis_stream")).toEqual([
      "datalake_kinesis_agent_events",
      "datalake_kinesis_ai_reporting",
      "datalake_kinesis_ctr",
    ]);
    for (const name of names(custom, "aws_kinesis_stream")) {
      expect(resource(custom, "aws_kinesis_stream", name)).toMatchObject({
        encryption_type: "KMS",
        kms_key_id: "alias/aws/kinesis",
      });
    }
    expect(resource(custom, "aws_kinesis_stream", "datalake_kinesis_ctr")).toMatchObject({
      name: "connect-comprehensive-ctr-stream",
      shard_count: 4,
      retention_period: 168,
    });
  });

  it("gives each Firehose role only its prefix, its source stream and KMS through S3", () => {
    const policy = statements(
      resource(json, "aws_iam_policy", "datalake_firehose_ctr_delivery_policy").policy,
    );
    const actions = policy.flatMap((s) => [s.Action].flat()).sort();
    expect(actions).toEqual([
      "kinesis:DescribeStream",
      "kinesis:GetRecords",
      "kinesis:GetShardIterator",
      "kinesis:ListShards",
      "kms:Decrypt",
      "kms:GenerateDataKey",
      "logs:PutLogEvents",
      "s3:AbortMultipartUpload",
      "s3:GetBucketLocation",
      "s3:GetObject",
      "s3:ListBucket",
      "s3:ListBucketMultipartUploads",
      "s3:PutObject",
    ]);
    expect(policy.find((s) => s.Sid === "WriteObjectsUnderPrefix").Resource).toBe(
      "${aws_s3_bucket.datalake_bucket_bucket.arn}/ctr/*",
    );
    expect(policy.find((s) => s.Sid === "ReadSourceStream").Resource).toBe(
      "${aws_kinesis_stream.datalake_kinesis_ctr.arn}",
    );
    expect(policy.find((s) => s.Sid === "EncryptObjectsThroughS3").Condition.StringEquals).toEqual({
      "kms:ViaService": "s3.eu-west-2.amazonaws.com",
    });
    for (const s of policy) expect([s.Resource].flat()).not.toContain("*");
  });

  it("grants kms:Decrypt on a customer-managed stream key only through Kinesis", () => {
    const cmk = dataLake({ streamKmsKeyId: KMS_KEY });
    const policy = statements(
      resource(cmk, "aws_iam_policy", "datalake_firehose_agent_events_delivery_policy").policy,
    );
    expect(policy.find((s) => s.Sid === "DecryptSourceStream")).toEqual({
      Sid: "DecryptSourceStream",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: KMS_KEY,
      Condition: { StringEquals: { "kms:ViaService": "kinesis.eu-west-2.amazonaws.com" } },
    });
    expect(
      statements(
        resource(json, "aws_iam_policy", "datalake_firehose_agent_events_delivery_policy").policy,
      ).map((s) => s.Sid),
    ).not.toContain("DecryptSourceStream");
  });

  it("writes each stream under its configured prefix with a newline per record and encrypted error logs", () => {
    const custom = dataLake({}, { datalake: { prefixes: { aiReporting: "ai/" } } });
    const ai = resource(
      custom,
      "aws_kinesis_firehose_delivery_stream",
      "datalake_firehose_ai_reporting_stream",
    );
    expect(ai.name).toBe("connect-comprehensive-ai-reporting-firehose-logs");
    expect(ai.extended_s3_configuration.prefix).toBe(
      "ai/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
    );
    expect(ai.extended_s3_configuration.kms_key_arn).toBe(KMS_KEY);
    expect(ai.extended_s3_configuration.processing_configuration.processors).toEqual([
      { type: "AppendDelimiterToRecord" },
    ]);
    expect(
      resource(custom, "aws_cloudwatch_log_group", "datalake_firehose_ai_reporting_error_log_group"),
    ).toMatchObject({
      name: "/aws/kinesisfirehose/connect-comprehensive-ai-reporting-firehose-logs",
      kms_key_id: KMS_KEY,
      retention_in_days: 7,
    });
  });

  it("encrypts the Direct PUT lifecycle stream, which has no Kinesis source, with the stack key", () => {
    const lifecycle = resource(
      json,
      "aws_kinesis_firehose_delivery_stream",
      "datalake_firehose_lifecycle_events_stream",
    );
    expect(lifecycle.kinesis_source_configuration).toBeUndefined();
    expect(lifecycle.server_side_encryption).toEqual({
      enabled: true,
      key_type: "CUSTOMER_MANAGED_CMK",
      key_arn: KMS_KEY,
    });
    expect(
      resource(json, "aws_kinesis_firehose_delivery_stream", "datalake_firehose_ctr_stream")
        .server_side_encryption,
    ).toBeUndefined();
  });

  it("routes Connect contact events of one instance to the lifecycle stream", () => {
    const scoped = dataLake({ connectInstanceArn: "arn:aws:connect:eu-west-2:111122223333:instance/abc" });
    expect(
      JSON.parse(resource(scoped, "aws_cloudwatch_event_rule", "connect_lifecycle").event_pattern),
    ).toEqual({
      source: ["aws.connect"],
      "detail-type": ["Amazon Connect Contact Event"],
      detail: { instanceArn: ["arn:aws:connect:eu-west-2:111122223333:instance/abc"] },
    });
    expect(resource(scoped, "aws_cloudwatch_event_target", "connect_lifecycle_firehose").arn).toBe(
      "${aws_kinesis_firehose_delivery_stream.datalake_firehose_lifecycle_events_stream.arn}",
    );
    const policy = statements(resource(scoped, "aws_iam_role_policy", "eventbridge_firehose_policy").policy);
    expect(policy).toEqual([
      {
        Effect: "Allow",
        Action: ["firehose:PutRecord", "firehose:PutRecordBatch"],
        Resource: "${aws_kinesis_firehose_delivery_stream.datalake_firehose_lifecycle_events_stream.arn}",
      },
    ]);
    const trust = statements(
      resource(scoped, "aws_iam_role", "eventbridge_firehose_role").assume_role_policy,
    )[0];
    expect(trust.Condition).toEqual({ StringEquals: { "aws:SourceAccount": "111122223333" } });
  });

  it("streams CTRs and agent events from the instance into their Kinesis streams", () => {
    expect(resource(json, "aws_connect_instance_storage_config", "ctr_stream")).toEqual({
      instance_id: "instance-id",
      resource_type: "CONTACT_TRACE_RECORDS",
      storage_config: {
        storage_type: "KINESIS_STREAM",
        kinesis_stream_config: { stream_arn: "${aws_kinesis_stream.datalake_kinesis_ctr.arn}" },
      },
    });
    expect(resource(json, "aws_connect_instance_storage_config", "agent_events_stream").resource_type).toBe(
      "AGENT_EVENTS",
    );
  });

  it("projects date partitions so Athena skips the errors/ folder, with a literal ${year} for Athena", () => {
    const ctrs = resource(json, "aws_glue_catalog_table", "datalake_catalog_ctrs");
    expect(ctrs.partition_keys.map((k: { name: string }) => k.name)).toEqual(["year", "month", "day"]);
    expect(ctrs.parameters["storage.location.template"]).toBe(
      "s3://${aws_s3_bucket.datalake_bucket_bucket.bucket}/ctr/year=$${year}/month=$${month}/day=$${day}/",
    );
    expect(resource(json, "aws_glue_catalog_database", "datalake_catalog_database").name).toBe(
      "connect_comprehensive_datalake",
    );
    expect(
      resource(json, "aws_glue_catalog_table", "datalake_catalog_contact_lens_analysis").storage_descriptor
        .location,
    ).toBe("s3://connect-storage/Analysis/");
  });

  it("skips the Contact Lens table without Connect's storage bucket and honours a configured database name", () => {
    const bare = dataLake(
      { connectStorageBucketName: undefined },
      { datalake: { glueDatabaseName: "bank_lake" } },
    );
    expect(names(bare, "aws_glue_catalog_table")).not.toContain("datalake_catalog_contact_lens_analysis");
    expect(resource(bare, "aws_glue_catalog_database", "datalake_catalog_database").name).toBe("bank_lake");
  });

  it("rejects a name prefix that cannot name buckets and streams", () => {
    expect(() => dataLake({ namePrefix: "Connect_Prod" })).toThrow(
      /datalake: namePrefix "Connect_Prod" must be lower-case/,
    );
  });
});

describe("datalake config", () => {
  it("rejects prefixes without a trailing slash and retention under a day", () => {
    expect(() => devConfig({ datalake: { prefixes: { ctr: "ctr" } } })).toThrow(
      /datalake\.prefixes\.ctr: expected a lower-case S3 prefix/,
    );
    expect(() => devConfig({ datalake: { ctrStream: { retentionHours: 12 } } })).toThrow(
      /datalake\.ctrStream\.retentionHours: Kinesis keeps records at least 24 hours/,
    );
  });

  it("defaults to the original datalake_config and metric_stream_namespaces", () => {
    const { datalake } = devConfig();
    expect(datalake.prefixes).toMatchObject({
      ctr: "ctr/",
      agentEvents: "agent-events/",
      aiReporting: "ai-insights/",
      lifecycleEvents: "lifecycle-events/",
    });
    expect(datalake.metricStreamNamespaces).toEqual(["AWS/Connect", "AWS/Lambda", "BedrockValidation"]);
  });
});
