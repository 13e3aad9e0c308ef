import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { RemovedFromState, movedFrom } from "../core/addresses";
import { type PolicyStatement, policyJson } from "./types";

/** When objects move to cheaper storage and when they expire. */
export interface BucketLifecycle {
  /** Storage class transitions by object age, e.g. `[{ days: 30, storageClass: "STANDARD_IA" }]`. */
  readonly transitions: readonly { readonly days: number; readonly storageClass: string }[];
  /** Age in days at which current objects expire. @default - never */
  readonly expirationDays?: number;
  /** Days a replaced or deleted version is kept. @default 90 */
  readonly noncurrentVersionExpirationDays?: number;
}

export interface SecureBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** KMS key ARN for default SSE-KMS encryption. */
  readonly kmsKeyArn: string;
  /**
   * Lifecycle rule applied to every object.
   * @default STANDARD_IA at 30 days, GLACIER at 90 days, no expiry, old versions kept 90 days
   */
  readonly lifecycle?: BucketLifecycle;
  /**
   * Where S3 server access logs go.
   * @default - no access logging
   */
  readonly accessLogs?: { readonly targetBucket: string; readonly targetPrefix: string };
  /**
   * Statements added to the bucket policy after the TLS-only deny, given the bucket ARN.
   * @default - none
   */
  readonly policyStatements?: (bucketArn: string) => readonly PolicyStatement[];
  /**
   * Whether `terraform destroy` may delete a bucket that still holds objects.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Name of the HCL module this bucket lived in (`module.<name>.aws_s3_bucket*.this`): adds moved
   * blocks for each part and removed blocks for the parts this construct no longer manages.
   * @default - a new bucket, no moved blocks
   */
  readonly movedFromModule?: string;
}

const DEFAULT_LIFECYCLE: BucketLifecycle = {
  transitions: [
    { days: 30, storageClass: "STANDARD_IA" },
    { days: 90, storageClass: "GLACIER" },
  ],
};

/**
 * A private S3 bucket: versioned, SSE-KMS with bucket keys, all public access blocked, ACLs disabled
 * (BucketOwnerEnforced), TLS-only policy, lifecycle, optional access logs.
 */
export class SecureBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly policy: S3BucketPolicy;
  /** Bucket name (= id). */
  public readonly bucketName: string;
  public readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const lifecycle = props.lifecycle ?? DEFAULT_LIFECYCLE;
    validate(this.node.path, props, lifecycle);
    const noncurrentDays = lifecycle.noncurrentVersionExpirationDays ?? 90;

    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy ?? false,
    });
    const bucket = this.bucket.id;
    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });
    const encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn },
          // One KMS call per bucket key instead of per object: cheaper, fewer throttles.
          bucketKeyEnabled: true,
        },
      ],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, "public_access_block", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const ownership = new S3BucketOwnershipControls(this, "ownership", {
      bucket,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    const lifecycleConfig = new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      rule: [
        {
          id: "tiering-and-expiry",
          status: "Enabled",
          filter: [{ prefix: "" }],
          transition: lifecycle.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })),
          expiration:
            lifecycle.expirationDays === undefined ? undefined : [{ days: lifecycle.expirationDays }],
          noncurrentVersionExpiration: [{ noncurrentDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
      // Lifecycle rules on an unversioned bucket would treat noncurrent rules as a no-op.
      dependsOn: [versioning],
    });
    this.policy = new S3BucketPolicy(this, "policy", {
      bucket,
      policy: policyJson([tlsOnly(this.bucket.arn), ...(props.policyStatements?.(this.bucket.arn) ?? [])]),
      // S3 rejects a policy write racing the public access block update.
      dependsOn: [publicAccess],
    });
    const logging = props.accessLogs
      ? new S3BucketLoggingA(this, "logging", { bucket, ...props.accessLogs })
      : undefined;

    if (props.movedFromModule) {
      const module = `module.${props.movedFromModule}`;
      const parts: TerraformResource[] = [
        this.bucket,
        versioning,
        encryption,
        publicAccess,
        ownership,
        lifecycleConfig,
        this.policy,
      ];
      if (logging) parts.push(logging);
      // The original resources/s3 module creates these parts with `count` (so their state address
      // carries [0]); the bucket, encryption and public access block have no count.
      const counted = new Set<TerraformResource>([versioning, ownership, lifecycleConfig, this.policy]);
      if (logging) counted.add(logging);
      for (const part of parts) {
        movedFrom(part, `${module}.${part.terraformResourceType}.this${counted.has(part) ? "[0]" : ""}`);
      }
      new RemovedFromState(this, "removed_acl", {
        from: `${module}.aws_s3_bucket_acl.this`,
        reason:
          "BucketOwnerEnforced disables ACLs: S3 rejects PutBucketAcl, so the ACL resource is forgotten, not applied",
      });
      if (!logging) {
        new RemovedFromState(this, "removed_logging", {
          from: `${module}.aws_s3_bucket_logging.this`,
          reason:
            "no access-log target configured for this bucket: forget the old logging resource, leave the bucket setting as is",
        });
      }
    }

    this.bucketName = this.bucket.id;
    this.bucketArn = this.bucket.arn;
  }
}

function tlsOnly(bucketArn: string): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

function validate(path: string, props: SecureBucketProps, lifecycle: BucketLifecycle): void {
  // Tokens (e.g. an account id) resolve later; only literal names can be checked here.
  const literal = Token.isUnresolved(props.bucketName) ? undefined : props.bucketName;
  if (literal !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(literal)) {
    throw new Error(
      `SecureBucket at ${path}: bucketName "${literal}" is not a valid S3 bucket name; use 3–63 lower-case letters, digits, . or -`,
    );
  }
  const lastTransition = Math.max(0, ...lifecycle.transitions.map((t) => t.days));
  if (lifecycle.expirationDays !== undefined && lifecycle.expirationDays <= lastTransition) {
    throw new Error(
      `SecureBucket at ${path}: lifecycle.expirationDays ${lifecycle.expirationDays} is not after the last transition (${lastTransition} days); expire later or drop the transition`,
    );
  }
  if (props.movedFromModule !== undefined && !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(props.movedFromModule)) {
    throw new Error(
      `SecureBucket at ${path}: movedFromModule "${props.movedFromModule}" is not a module name; pass e.g. "connect_storage_bucket"`,
    );
  }
}
