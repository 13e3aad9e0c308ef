import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import type { AuditConfig } from "../../config/schema";
import { keepAddress } from "../core/addresses";
import type { AwsEnvironment } from "../datalake/delivery-stream";
import { policyDocument } from "../datalake/iam";
import { SecureBucket, archiveLifecycle, keyAdministrationStatement, type AccessLogTarget } from "../storage";

export interface AuditTrailProps {
  /** Prefix of every name, as the original's project_name: the trail is `<prefix>-trail`. */
  readonly namePrefix: string;
  /** Validated `audit` section of the config. */
  readonly config: AuditConfig;
  /** Account, region and partition (Platform). */
  readonly env: AwsEnvironment;
  /**
   * Buckets whose object-level reads and writes are recorded (S3 data events), e.g. the data lake
   * and Connect's recordings bucket. @default - management events only
   */
  readonly dataEventBucketArns?: readonly string[];
  /** Where the trail bucket's S3 server access logs go (AccessLogBucket.targetFor). @default - not logged */
  readonly accessLogs?: AccessLogTarget;
  /** Days a scheduled deletion of the trail's key waits (config `security.kmsDeletionWindowDays`). @default 30 */
  readonly kmsDeletionWindowDays?: number;
}

/**
 * Multi-region CloudTrail with log file validation, encrypted with a key of its own, delivering to a
 * private bucket. A dedicated key keeps audit evidence readable only by whom this key policy names,
 * independent of the key the workload's services share.
 */
export class AuditTrail extends Construct {
  public readonly trail: Cloudtrail;
  public readonly bucket: SecureBucket;
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const { env, namePrefix, config } = props;
    const dataEventBucketArns = props.dataEventBucketArns ?? [];
    const duplicate = dataEventBucketArns.find((arn, i) => dataEventBucketArns.indexOf(arn) !== i);
    if (duplicate !== undefined) {
      throw new Error(
        `${this.node.path}: dataEventBucketArns lists "${duplicate}" twice; list each bucket once`,
      );
    }

    const trailName = `${namePrefix}-trail`;
    // Built, not referenced: the key and bucket policies must name the trail before it exists.
    const trailArn = `arn:${env.partition}:cloudtrail:${env.region}:${env.accountId}:trail/${trailName}`;
    const bucketName = `${namePrefix}-cloudtrail-${env.accountId}`;
    const bucketArn = `arn:${env.partition}:s3:::${bucketName}`;

    this.key = new KmsKey(this, "key", {
      description: `Encrypts CloudTrail logs of ${trailName}`,
      enableKeyRotation: true,
      deletionWindowInDays: props.kmsDeletionWindowDays ?? 30,
      // Administration apart from use, as on the other keys: the account's IAM admins manage the
      // key but cannot decrypt with it; reading logs needs the trail's encryption context below.
      policy: policyDocument([
        keyAdministrationStatement(env),
        {
          Sid: "CloudTrailEncryptsThisTrail",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "kms:GenerateDataKey*",
          Resource: "*",
          Condition: {
            StringEquals: { "aws:SourceArn": trailArn },
            StringLike: {
              "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${env.partition}:cloudtrail:*:${env.accountId}:trail/*`,
            },
          },
        },
        {
          Sid: "CloudTrailDescribesKey",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "kms:DescribeKey",
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
          Sid: "AccountReadsTrailLogsWithIamPermission",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: ["kms:Decrypt", "kms:ReEncryptFrom"],
          Resource: "*",
          Condition: {
            StringEquals: { "kms:CallerAccount": env.accountId },
            StringLike: {
              "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${env.partition}:cloudtrail:*:${env.accountId}:trail/*`,
            },
          },
        },
      ]),
    });
    new KmsAlias(this, "key_alias", { name: `alias/${namePrefix}-cloudtrail`, targetKeyId: this.key.keyId });

    const fromThisTrail = { "aws:SourceArn": trailArn };
    this.bucket = new SecureBucket(this, "bucket", {
      bucketName,
      // Log files are SSE-KMS with this.key by CloudTrail itself; the bucket default stays SSE-S3 so
      // digest files, which CloudTrail writes without the trail's key context, are always accepted.
      sseAlgorithm: "AES256",
      lifecycle: archiveLifecycle(config.lifecycle),
      // Evidence cannot be altered or deleted before its retention ends (enabled in place).
      objectLock: config.objectLock,
      accessLogs: props.accessLogs,
      movedFromModule: "cloudtrail_bucket",
      policyFromDataSource: true,
      keepAddresses: { policyDocument: "cloudtrail_bucket_policy" },
      policyStatements: () => [
        {
          Sid: "AWSCloudTrailAclCheck",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:GetBucketAcl",
          Resource: bucketArn,
          Condition: { StringEquals: fromThisTrail },
        },
        {
          Sid: "AWSCloudTrailWrite",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${bucketArn}/AWSLogs/${env.accountId}/*`,
          Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...fromThisTrail } },
        },
      ],
    });

    this.trail = keepAddress(
      new Cloudtrail(this, "trail", {
        name: trailName,
        s3BucketName: this.bucket.bucket.bucket,
        kmsKeyId: this.key.arn,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        eventSelector:
          dataEventBucketArns.length > 0
            ? [
                {
                  readWriteType: "All",
                  includeManagementEvents: true,
                  dataResource: [
                    { type: "AWS::S3::Object", values: dataEventBucketArns.map((arn) => `${arn}/`) },
                  ],
                },
              ]
            : undefined,
        // CloudTrail checks the bucket policy when the trail is created.
        dependsOn: [this.bucket.policy],
      }),
      "main",
    );
  }
}
