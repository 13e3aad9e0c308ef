import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import type { AuditConfig } from "../../config/schema";
import { keepAddress } from "../core/addresses";
import type { AwsEnvironment } from "../datalake/delivery-stream";
import { policyDocument } from "../datalake/iam";
import { PrivateBucket } from "../datalake/private-bucket";

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
}

/**
 * Multi-region CloudTrail with log file validation, encrypted with a key of its own, delivering to a
 * private bucket. A dedicated key keeps audit evidence readable only by whom this key policy names,
 * independent of the key the workload's services share.
 */
export class AuditTrail extends Construct {
  public readonly trail: Cloudtrail;
  public readonly bucket: PrivateBucket;
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
      deletionWindowInDays: config.kmsDeletionWindowDays,
      policy: policyDocument([
        {
          Sid: "AccountAdministersKeyThroughIam",
          Effect: "Allow",
          Principal: { AWS: `arn:${env.partition}:iam::${env.accountId}:root` },
          Action: "kms:*",
          Resource: "*",
        },
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

    const fromThisTrail = [{ test: "StringEquals", variable: "aws:SourceArn", values: [trailArn] }];
    this.bucket = new PrivateBucket(this, "bucket", {
      bucketName,
      // Log files are SSE-KMS with this.key by CloudTrail itself; the bucket default stays SSE-S3 so
      // digest files, which CloudTrail writes without the trail's key context, are always accepted.
      lifecycle: config.lifecycle,
      originalModule: "cloudtrail_bucket",
      keepAddresses: { policyDocument: "cloudtrail_bucket_policy" },
      policyStatements: [
        {
          sid: "AWSCloudTrailAclCheck",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
          actions: ["s3:GetBucketAcl"],
          resources: [bucketArn],
          condition: fromThisTrail,
        },
        {
          sid: "AWSCloudTrailWrite",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
          actions: ["s3:PutObject"],
          resources: [`${bucketArn}/AWSLogs/${env.accountId}/*`],
          condition: [
            { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] },
            ...fromThisTrail,
          ],
        },
      ],
    });

    this.trail = keepAddress(
      new Cloudtrail(this, "trail", {
        name: trailName,
        s3BucketName: this.bucket.bucketName,
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
