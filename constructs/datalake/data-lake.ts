import { ConnectInstanceStorageConfig } from "@cdktf/provider-aws/lib/connect-instance-storage-config";
import { KinesisStream } from "@cdktf/provider-aws/lib/kinesis-stream";
import { Construct } from "constructs";
import type { DatalakeConfig } from "../../config/schema";
import { keepAddress, movedFrom } from "../core/addresses";
import { SecureBucket, archiveLifecycle, type AccessLogTarget } from "../storage";
import { DeliveryStream, type AwsEnvironment } from "./delivery-stream";
import { GlueCatalog } from "./glue-catalog";
import { glueTables } from "./glue-tables";
import { ContactLifecycleEvents } from "./lifecycle-events";

export interface DataLakeProps {
  /** Prefix of every name, as the original's project_name (e.g. `connect-comprehensive`). */
  readonly namePrefix: string;
  /** Validated `datalake` section of the config. */
  readonly config: DatalakeConfig;
  /** Account, region and partition (Platform). */
  readonly env: AwsEnvironment;
  /** KMS key (ARN) of the bucket objects and the Firehose error log groups. */
  readonly kmsKeyArn: string;
  /**
   * KMS key of the Kinesis streams. A customer-managed key's policy must let Connect (writer),
   * Firehose and the contact-record consumer (readers) use it through Kinesis: the stack rule
   * kms-key-policy-allows-use checks it. Changing the key re-encrypts in place.
   * @default "alias/aws/kinesis"
   */
  readonly streamKmsKeyId?: string;
  /** Connect instance id: CTRs and agent events stream from it (instance storage configs). */
  readonly connectInstanceId: string;
  /** Connect instance ARN: only its contact events are archived. @default - every instance in the account */
  readonly connectInstanceArn?: string;
  /** Connect's storage bucket name, for the Contact Lens Glue table. @default - that table is not created */
  readonly connectStorageBucketName?: string;
  /** Where the bucket's S3 server access logs go (AccessLogBucket.targetFor). @default - not logged */
  readonly accessLogs?: AccessLogTarget;
}

const AWS_MANAGED_KINESIS_KEY = "alias/aws/kinesis";

/**
 * The analytics data lake: one KMS-encrypted bucket fed by Firehose from three Kinesis streams
 * (CTRs, agent events and AI reporting), plus Connect contact events from EventBridge, catalogued
 * in Glue for Athena. Every resource keeps the address it had in the original stack.
 */
export class DataLake extends Construct {
  public readonly bucket: SecureBucket;
  public readonly ctrStream: KinesisStream;
  public readonly agentEventsStream: KinesisStream;
  /** Stream the AI-reporting Lambda writes to (grant it kinesis:PutRecord/PutRecords). */
  public readonly aiReportingStream: KinesisStream;
  public readonly deliveryStreams: {
    readonly ctr: DeliveryStream;
    readonly agentEvents: DeliveryStream;
    readonly aiReporting: DeliveryStream;
    readonly lifecycleEvents: DeliveryStream;
  };
  public readonly lifecycleEvents: ContactLifecycleEvents;
  public readonly catalog: GlueCatalog;

  constructor(scope: Construct, id: string, props: DataLakeProps) {
    super(scope, id);
    const { config, env, namePrefix } = props;
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(namePrefix)) {
      throw new Error(
        `${this.node.path}: namePrefix "${namePrefix}" must be lower-case letters, digits and - (2-41 characters)`,
      );
    }
    const streamKmsKeyId = props.streamKmsKeyId ?? AWS_MANAGED_KINESIS_KEY;
    const databaseName = config.glueDatabaseName ?? `${namePrefix.replace(/-/g, "_")}_datalake`;

    this.bucket = new SecureBucket(this, "bucket", {
      bucketName: `${namePrefix}-datalake-${env.accountId}`,
      kmsKeyArn: props.kmsKeyArn,
      lifecycle: archiveLifecycle(config.lifecycle),
      policyFromDataSource: true,
      accessLogs: props.accessLogs,
      movedFromModule: "datalake_bucket",
    });

    // Construct ids repeat the original module names, so addresses read alike (datalake_kinesis_ctr).
    const kinesis = (name: string, sizing: DatalakeConfig["ctrStream"]): KinesisStream =>
      movedFrom(
        new KinesisStream(this, `kinesis_${name}`, {
          name: `${namePrefix}-${name.replace(/_/g, "-")}-stream`,
          shardCount: sizing.shardCount,
          retentionPeriod: sizing.retentionHours,
          streamModeDetails: { streamMode: "PROVISIONED" },
          encryptionType: "KMS",
          kmsKeyId: streamKmsKeyId,
        }),
        `module.kinesis_${name}.aws_kinesis_stream.this`,
      );
    this.ctrStream = kinesis("ctr", config.ctrStream);
    this.agentEventsStream = kinesis("agent_events", config.agentEventsStream);
    this.aiReportingStream = kinesis("ai_reporting", config.aiReportingStream);

    const streamKey = streamKmsKeyId === AWS_MANAGED_KINESIS_KEY ? undefined : streamKmsKeyId;
    const delivery = (
      name: string,
      baseSuffix: string,
      prefix: string,
      source: KinesisStream | undefined,
    ): DeliveryStream =>
      new DeliveryStream(this, `firehose_${name}`, {
        baseName: `${namePrefix}-${baseSuffix}`,
        bucketArn: this.bucket.bucketArn,
        kmsKeyArn: props.kmsKeyArn,
        prefix,
        source: source ? { streamArn: source.arn, kmsKeyArn: streamKey } : undefined,
        bufferingSizeMb: config.buffering.sizeMb,
        bufferingIntervalSeconds: config.buffering.intervalSeconds,
        errorLogRetentionDays: config.deliveryErrorLogRetentionDays,
        env,
        originalModule: `firehose_${name}`,
      });
    this.deliveryStreams = {
      ctr: delivery("ctr", "ctr", config.prefixes.ctr, this.ctrStream),
      agentEvents: delivery("agent_events", "agent", config.prefixes.agentEvents, this.agentEventsStream),
      aiReporting: delivery(
        "ai_reporting",
        "ai-reporting",
        config.prefixes.aiReporting,
        this.aiReportingStream,
      ),
      lifecycleEvents: delivery("lifecycle_events", "lifecycle", config.prefixes.lifecycleEvents, undefined),
    };

    this.lifecycleEvents = new ContactLifecycleEvents(this, "contact_events", {
      namePrefix,
      deliveryStreamArn: this.deliveryStreams.lifecycleEvents.streamArn,
      connectInstanceArn: props.connectInstanceArn,
      accountId: env.accountId,
    });

    // Connect writes CTRs and agent events to the streams (its service-linked role, no role of ours).
    const storage = (
      name: string,
      resourceType: string,
      stream: KinesisStream,
    ): ConnectInstanceStorageConfig =>
      keepAddress(
        new ConnectInstanceStorageConfig(this, name, {
          instanceId: props.connectInstanceId,
          resourceType,
          storageConfig: { storageType: "KINESIS_STREAM", kinesisStreamConfig: { streamArn: stream.arn } },
        }),
        name,
      );
    storage("ctr_stream", "CONTACT_TRACE_RECORDS", this.ctrStream);
    storage("agent_events_stream", "AGENT_EVENTS", this.agentEventsStream);

    this.catalog = new GlueCatalog(this, "catalog", {
      databaseName,
      tables: glueTables(config.prefixes),
      datalakeBucketName: this.bucket.bucket.bucket,
      connectStorageBucketName: props.connectStorageBucketName,
      originalModule: "glue_datalake",
    });
  }
}
