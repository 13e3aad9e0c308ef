import { Construct } from "constructs";
import { SecureBucket } from "./secure-bucket";
import type { AccountContext, PolicyStatement } from "./types";

export interface AccessLogBucketProps {
  /** Exact bucket name, e.g. `connect-comprehensive-access-logs-<account>`. */
  readonly bucketName: string;
  /** Account and partition the delivery statements are pinned to. */
  readonly account: AccountContext;
}

/** Where one source writes in the log bucket (SecureBucket `accessLogs`). */
export interface AccessLogTarget {
  readonly targetBucket: string;
  readonly targetPrefix: string;
}

/**
 * The stack's access-log bucket: S3 server access logs of every other bucket (under `s3/<bucket>/`)
 * and CloudFront access logs (under `cloudfront/`). Default encryption is SSE-S3 because S3 server
 * access logging cannot deliver into an SSE-KMS bucket; the bucket is private, versioned and TLS-only
 * like the others, and only the two log-delivery services of this account may write to it.
 */
export class AccessLogBucket extends Construct {
  public readonly bucket: SecureBucket;
  public readonly bucketName: string;
  public readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    const { accountId } = props.account;
    this.bucket = new SecureBucket(this, "bucket", {
      bucketName: props.bucketName,
      sseAlgorithm: "AES256",
      policyStatements: (arn): PolicyStatement[] => [
        {
          Sid: "S3ServerAccessLogsOfThisAccount",
          Effect: "Allow",
          Principal: { Service: "logging.s3.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${arn}/s3/*`,
          Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
        {
          Sid: "LogDeliveryAclCheck",
          Effect: "Allow",
          Principal: { Service: "delivery.logs.amazonaws.com" },
          Action: "s3:GetBucketAcl",
          Resource: arn,
          Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
        {
          Sid: "CloudFrontAccessLogsOfThisAccount",
          Effect: "Allow",
          Principal: { Service: "delivery.logs.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${arn}/cloudfront/*`,
          Condition: {
            StringEquals: { "aws:SourceAccount": accountId, "s3:x-amz-acl": "bucket-owner-full-control" },
          },
        },
      ],
    });
    this.bucketName = this.bucket.bucketName;
    this.bucketArn = this.bucket.bucketArn;
  }

  /** Server access logs of one bucket go under `s3/<source>/` (a stable short name, e.g. `recordings`). */
  public targetFor(source: string): AccessLogTarget {
    return { targetBucket: this.bucketName, targetPrefix: `s3/${source}/` };
  }
}
