import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { TerraformElement, TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { RemovedFromState, keepAddress, movedFrom } from "../core/addresses";

/** When objects move to cheaper storage and expire. */
export interface BucketLifecycle {
  /** Days until STANDARD_IA. */
  readonly infrequentAccessAfterDays: number;
  /** Days until GLACIER. */
  readonly glacierAfterDays: number;
  /** Days until current objects expire (noncurrent versions expire 90 days after being replaced). */
  readonly expireAfterDays: number;
}

/** Exact Terraform names for resources that were root resources in the original stack. */
export interface PrivateBucketAddresses {
  /** Name of the aws_s3_bucket. @default - allocated from the construct path */
  readonly bucket?: string;
  /** Name of the aws_s3_bucket_public_access_block. @default - allocated from the construct path */
  readonly publicAccessBlock?: string;
  /** Name of the aws_s3_bucket_policy. @default - allocated from the construct path */
  readonly policy?: string;
  /** Name of the data.aws_iam_policy_document. @default - allocated from the construct path */
  readonly policyDocument?: string;
}

export interface PrivateBucketProps {
  /** Exact bucket name. @default - none: give `bucketPrefix` instead */
  readonly bucketName?: string;
  /** Prefix of a generated bucket name (bucket_prefix). @default - none: give `bucketName` instead */
  readonly bucketPrefix?: string;
  /**
   * KMS key for SSE-KMS (with S3 Bucket Keys). Leave it out only where a service writes with its own
   * encryption choice or cannot use a customer key (CloudTrail digests, CloudFront OAC reads).
   * @default - SSE-S3 (AES256)
   */
  readonly kmsKeyArn?: string;
  /** Lifecycle rule. @default - objects are kept forever */
  readonly lifecycle?: BucketLifecycle;
  /** Statements added to the bucket policy beside the TLS-only deny. @default - none */
  readonly policyStatements?: DataAwsIamPolicyDocumentStatement[];
  /**
   * Name of the original HCL module (resources/s3) this bucket lived in, e.g. `datalake_bucket`:
   * adds `moved` blocks from its addresses and `removed` blocks for what this construct drops.
   * @default - a new bucket, no moves
   */
  readonly originalModule?: string;
  /**
   * Pin root-level addresses. Applied as each resource is created: an address can no longer change
   * once another resource has referenced it. @default - none
   */
  readonly keepAddresses?: PrivateBucketAddresses;
}

/** Days noncurrent versions are kept after being overwritten or deleted. */
const NONCURRENT_VERSION_DAYS = 90;

/**
 * A private, versioned, encrypted (SSE-KMS with a key, else SSE-S3), TLS-only S3 bucket with BucketOwnerEnforced ownership (ACLs off).
 * Kept small and local to the data lake / audit / CCP constructs until the shared SecureBucket
 * (constructs/storage) lands; its resources mirror the original resources/s3 module one to one
 * so `originalModule` can move state.
 */
export class PrivateBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly policyDocument: DataAwsIamPolicyDocument;
  public readonly policy: S3BucketPolicy;
  public readonly publicAccessBlock: S3BucketPublicAccessBlock;
  /** Bucket name (known after apply). */
  public readonly bucketName: string;
  public readonly bucketArn: string;
  private readonly statements: DataAwsIamPolicyDocumentStatement[] = [];

  constructor(scope: Construct, id: string, props: PrivateBucketProps) {
    super(scope, id);
    if ((props.bucketName === undefined) === (props.bucketPrefix === undefined)) {
      throw new Error(`${this.node.path}: give exactly one of bucketName and bucketPrefix`);
    }
    const name = props.bucketName ?? props.bucketPrefix ?? "";
    if (!Token.isUnresolved(name) && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9-]$/.test(name)) {
      throw new Error(
        `${this.node.path}: bucket name "${name}" is not a valid S3 bucket name: use 3-63 lower-case letters, digits, . and -`,
      );
    }
    const lifecycle = props.lifecycle;
    if (
      lifecycle &&
      !(
        lifecycle.infrequentAccessAfterDays < lifecycle.glacierAfterDays &&
        lifecycle.glacierAfterDays < lifecycle.expireAfterDays
      )
    ) {
      throw new Error(
        `${this.node.path}: lifecycle ${JSON.stringify(lifecycle)} must satisfy infrequentAccessAfterDays < glacierAfterDays < expireAfterDays`,
      );
    }

    // force_destroy stays false: the original set it true, which lets a rename silently delete data.
    const pin = props.keepAddresses ?? {};
    this.bucket = keep(
      new S3Bucket(this, "bucket", {
        bucket: props.bucketName,
        bucketPrefix: props.bucketPrefix,
        forceDestroy: false,
      }),
      pin.bucket,
    );
    const bucket = this.bucket.id;

    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });
    const encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: props.kmsKeyArn
            ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }
            : { sseAlgorithm: "AES256" },
          // One data key per bucket instead of per object: far fewer KMS calls for Firehose's many small objects.
          bucketKeyEnabled: props.kmsKeyArn ? true : undefined,
        },
      ],
    });
    this.publicAccessBlock = keep(
      new S3BucketPublicAccessBlock(this, "public_access_block", {
        bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
      pin.publicAccessBlock,
    );
    const ownership = new S3BucketOwnershipControls(this, "ownership", {
      bucket,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    const lifecycleConfig = lifecycle
      ? new S3BucketLifecycleConfiguration(this, "lifecycle", {
          bucket,
          rule: [
            {
              id: "archive",
              status: "Enabled",
              filter: [{ prefix: "" }],
              transition: [
                { days: lifecycle.infrequentAccessAfterDays, storageClass: "STANDARD_IA" },
                { days: lifecycle.glacierAfterDays, storageClass: "GLACIER" },
              ],
              expiration: [{ days: lifecycle.expireAfterDays }],
              noncurrentVersionExpiration: [{ noncurrentDays: NONCURRENT_VERSION_DAYS }],
              abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
            },
          ],
          dependsOn: [versioning],
        })
      : undefined;

    this.statements.push(
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [this.bucket.arn, `${this.bucket.arn}/*`],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
      ...(props.policyStatements ?? []),
    );
    this.policyDocument = keep(
      new DataAwsIamPolicyDocument(this, "policy_document", { statement: [...this.statements] }),
      pin.policyDocument,
    );
    this.policy = keep(
      new S3BucketPolicy(this, "policy", {
        bucket,
        policy: this.policyDocument.json,
        // S3 rejects a policy while the public access block is being written.
        dependsOn: [this.publicAccessBlock],
      }),
      pin.policy,
    );

    if (props.originalModule) {
      const m = `module.${props.originalModule}`;
      // resources/s3 created these without count; the rest used count, so their state key is [0].
      const moves: [TerraformResource, string][] = [
        [this.bucket, `${m}.aws_s3_bucket.this`],
        [encryption, `${m}.aws_s3_bucket_server_side_encryption_configuration.this`],
        [this.publicAccessBlock, `${m}.aws_s3_bucket_public_access_block.this`],
        [versioning, `${m}.aws_s3_bucket_versioning.this[0]`],
        [ownership, `${m}.aws_s3_bucket_ownership_controls.this[0]`],
        [this.policy, `${m}.aws_s3_bucket_policy.this[0]`],
      ];
      if (lifecycleConfig)
        moves.push([lifecycleConfig, `${m}.aws_s3_bucket_lifecycle_configuration.this[0]`]);
      for (const [resource, address] of moves) movedFrom(resource, address);
      new RemovedFromState(this, "removed_acl", {
        from: `${m}.aws_s3_bucket_acl.this`,
        reason:
          "Ownership is BucketOwnerEnforced, so ACLs are disabled and an aws_s3_bucket_acl cannot be applied.",
      });
      new RemovedFromState(this, "removed_logging", {
        from: `${m}.aws_s3_bucket_logging.this`,
        reason:
          "Server access logging was never enabled (count 0); object-level access is audited by the CloudTrail trail instead.",
      });
    }

    this.bucketName = this.bucket.bucket;
    this.bucketArn = this.bucket.arn;
  }

  /** Add statements that need resources created after the bucket (e.g. a CloudFront distribution ARN). */
  public addPolicyStatements(...statements: DataAwsIamPolicyDocumentStatement[]): void {
    this.statements.push(...statements);
    this.policyDocument.putStatement([...this.statements]);
  }
}

function keep<T extends TerraformElement>(element: T, name: string | undefined): T {
  return name === undefined ? element : keepAddress(element, name);
}
