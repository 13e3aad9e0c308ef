import { ConnectInstanceStorageConfig } from "@cdktf/provider-aws/lib/connect-instance-storage-config";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration";
import { Construct } from "constructs";
import { AccessLogBucket, type AccountContext, SecureBucket } from "../storage";

/** A data set of the recordings bucket: the prefix Connect writes it under (ConnectInstance). */
export const STORAGE_PREFIXES = {
  callRecordings: { resourceType: "CALL_RECORDINGS", prefix: "call-recordings" },
  chatTranscripts: { resourceType: "CHAT_TRANSCRIPTS", prefix: "chat-transcripts" },
} as const;
export type StorageDataSet = keyof typeof STORAGE_PREFIXES;

/**
 * Names of the replica Region's buckets (global, so not the primary's): known before the replica
 * is built, for the audit trail that records their object-level reads and writes.
 */
export function replicaBucketNames(namePrefix: string, accountId: string) {
  return {
    recordings: `${namePrefix}-dr-storage-${accountId}`,
    accessLogs: `${namePrefix}-dr-logs-${accountId}`,
  };
}

export interface ReplicaStorageProps {
  /** Project name, first part of the bucket names. */
  readonly namePrefix: string;
  /** Account and the replica Region (bucket policies, key policy). */
  readonly account: AccountContext;
  /** The replica Region's key: the replica bucket's default encryption. */
  readonly kmsKeyArn: string;
  /** The primary recordings bucket (versioned, SSE-KMS with `sourceKmsKeyArn`). */
  readonly source: SecureBucket;
  /** Key the primary bucket's objects are encrypted with. */
  readonly sourceKmsKeyArn: string;
  /** Region of the primary bucket. */
  readonly sourceRegion: string;
  /** Data sets copied from the primary bucket (config `dr.residency`: those set to `replicate`). */
  readonly replicate: readonly StorageDataSet[];
  /** Days before recordings and transcripts expire (config `connect.recordingRetentionDays`). */
  readonly retentionDays: number;
}

/**
 * Where the replica Region keeps recordings and transcripts: its own bucket (Connect writes to a
 * bucket of its Region), with its own access-log bucket (S3 logs only to a bucket of the same
 * Region). Data sets the residency settings allow are copied from the primary bucket by S3
 * replication; the rule lives on the primary bucket and stays in the primary Region.
 */
export class ReplicaStorage extends Construct {
  public readonly accessLogs: AccessLogBucket;
  public readonly bucket: SecureBucket;
  /** The primary bucket's replication rule: created in the primary Region, an addition there. */
  public readonly replication?: S3BucketReplicationConfigurationA;
  /** What stays in the primary Region: the replication rule (the role is global). */
  public readonly primarySide: Construct;
  private readonly props: ReplicaStorageProps;

  constructor(scope: Construct, id: string, props: ReplicaStorageProps) {
    super(scope, id);
    this.props = props;
    const names = replicaBucketNames(props.namePrefix, props.account.accountId);
    this.accessLogs = new AccessLogBucket(this, "access_logs", {
      bucketName: names.accessLogs,
      account: props.account,
    });
    this.bucket = new SecureBucket(this, "recordings", {
      bucketName: names.recordings,
      kmsKeyArn: props.kmsKeyArn,
      lifecycle: {
        transitions: [
          { days: 30, storageClass: "STANDARD_IA" },
          { days: 90, storageClass: "GLACIER" },
        ],
        expirationDays: props.retentionDays,
      },
      accessLogs: this.accessLogs.targetFor("recordings"),
    });

    this.primarySide = new Construct(this, "primary_side");
    if (props.replicate.length > 0) this.replication = this.replicate(props.replicate);
  }

  /** Connect's recordings and transcripts of the replica instance go to the replica bucket. */
  public storeFor(instanceId: string): ConnectInstanceStorageConfig[] {
    return (Object.keys(STORAGE_PREFIXES) as StorageDataSet[]).map((set) => {
      const { resourceType, prefix } = STORAGE_PREFIXES[set];
      return new ConnectInstanceStorageConfig(this, `${prefix.replace(/-/g, "_")}_storage`, {
        instanceId,
        resourceType,
        storageConfig: {
          storageType: "S3",
          s3Config: {
            bucketName: this.bucket.bucketName,
            bucketPrefix: prefix,
            encryptionConfig: { encryptionType: "KMS", keyId: this.props.kmsKeyArn },
          },
        },
      });
    });
  }

  private replicate(sets: readonly StorageDataSet[]): S3BucketReplicationConfigurationA {
    const { source, sourceKmsKeyArn, kmsKeyArn, sourceRegion, namePrefix } = this.props;
    const region = this.props.account.region;
    const prefixes = sets.map((set) => `${STORAGE_PREFIXES[set].prefix}/`);
    const role = new IamRole(this.primarySide, "role", {
      name: `${namePrefix}-dr-replication`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      }),
    });
    // What S3 replication of SSE-KMS objects needs (S3 user guide), on these buckets and keys only.
    const policy = new IamRolePolicy(this.primarySide, "policy", {
      name: `${namePrefix}-dr-replication`,
      role: role.id,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "ReadReplicationRule",
            Effect: "Allow",
            Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
            Resource: [source.bucketArn],
          },
          {
            Sid: "ReadSourceVersions",
            Effect: "Allow",
            Action: [
              "s3:GetObjectVersionForReplication",
              "s3:GetObjectVersionAcl",
              "s3:GetObjectVersionTagging",
            ],
            Resource: prefixes.map((p) => `${source.bucketArn}/${p}*`),
          },
          {
            Sid: "WriteReplicas",
            Effect: "Allow",
            Action: ["s3:ReplicateObject", "s3:ReplicateTags"],
            Resource: prefixes.map((p) => `${this.bucket.bucketArn}/${p}*`),
          },
          {
            Sid: "DecryptSource",
            Effect: "Allow",
            Action: ["kms:Decrypt"],
            Resource: [sourceKmsKeyArn],
            Condition: { StringEquals: { "kms:ViaService": `s3.${sourceRegion}.amazonaws.com` } },
          },
          {
            Sid: "EncryptReplicas",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:GenerateDataKey"],
            Resource: [kmsKeyArn],
            Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
          },
        ],
      }),
    });
    return new S3BucketReplicationConfigurationA(this.primarySide, "rule", {
      bucket: source.bucket.id,
      role: role.arn,
      rule: sets.map((set, priority) => ({
        id: STORAGE_PREFIXES[set].prefix,
        priority,
        status: "Enabled",
        filter: { prefix: `${STORAGE_PREFIXES[set].prefix}/` },
        // A delete in the primary is not repeated in the replica: the copy is the recovery point.
        deleteMarkerReplication: { status: "Disabled" },
        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
        destination: {
          bucket: this.bucket.bucketArn,
          encryptionConfiguration: { replicaKmsKeyId: kmsKeyArn },
        },
      })),
      // S3 refuses a replication rule until both buckets keep versions.
      dependsOn: [source.versioning, this.bucket.versioning, policy],
    });
  }
}
