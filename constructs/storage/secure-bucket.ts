import { denyInsecureTransport } from "../core/policy";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { TerraformElement, TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { RemovedFromState, keepAddress, movedFrom } from "../core/addresses";
import { type BucketLifecycle, DEFAULT_LIFECYCLE, lifecycleProblems, lifecycleRule } from "./lifecycle";
import { type PolicyStatement, documentStatement, policyJson } from "./types";

/** Exact Terraform names for parts that were root resources (or data sources) in the original stack. */
export interface SecureBucketAddresses {
  /** Name of the aws_s3_bucket. @default - allocated from the construct path */
  readonly bucket?: string;
  /** Name of the aws_s3_bucket_public_access_block. @default - allocated from the construct path */
  readonly publicAccessBlock?: string;
  /** Name of the aws_s3_bucket_policy. @default - allocated from the construct path */
  readonly policy?: string;
  /** Name of the data.aws_iam_policy_document (needs `policyFromDataSource`). @default - allocated from the construct path */
  readonly policyDocument?: string;
}

export interface SecureBucketProps {
  /** Exact, globally unique bucket name. @default - none: give `bucketPrefix` instead */
  readonly bucketName?: string;
  /** Prefix of a name Terraform completes (bucket_prefix, at most 37 characters). @default - none: give `bucketName` instead */
  readonly bucketPrefix?: string;
  /**
   * Default encryption: "aws:kms" with `kmsKeyArn` and S3 Bucket Keys, or "AES256" (SSE-S3) only where
   * a reader or writer cannot use a customer key (CloudFront OAC reads, CloudTrail digest files).
   * @default "aws:kms"
   */
  readonly sseAlgorithm?: "aws:kms" | "AES256";
  /** KMS key ARN for SSE-KMS; required with "aws:kms", refused with "AES256". @default - none */
  readonly kmsKeyArn?: string;
  /**
   * Lifecycle rule applied to every object; `false` for none (objects and old versions are kept).
   * @default STANDARD_IA at 30 days, GLACIER at 90 days, no expiry, old versions kept 90 days
   */
  readonly lifecycle?: BucketLifecycle | false;
  /**
   * Where S3 server access logs go.
   * @default - no access logging
   */
  readonly accessLogs?: { readonly targetBucket: string; readonly targetPrefix: string };
  /**
   * Write-once retention of every new object version (S3 Object Lock). Enabled on an existing,
   * versioned bucket in place (PutObjectLockConfiguration), so adding it replaces nothing. COMPLIANCE
   * cannot be shortened or lifted by anyone, root included, until each version's retention ends.
   * @default - no object lock
   */
  readonly objectLock?: { readonly mode: "GOVERNANCE" | "COMPLIANCE"; readonly days: number };
  /**
   * Statements added to the bucket policy after the TLS-only deny, given the bucket ARN.
   * Statements that need resources created later go through `addPolicyStatements`.
   * @default - none
   */
  readonly policyStatements?: (bucketArn: string) => readonly PolicyStatement[];
  /**
   * Render the policy through a `data.aws_iam_policy_document` instead of inline JSON. Only for buckets
   * whose deployed plan already reads one (the CloudTrail bucket's is an original address).
   * @default false
   */
  readonly policyFromDataSource?: boolean;
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
  /**
   * Pin parts that were root resources in the original stack to their exact names.
   * @default - every name allocated from the construct path
   */
  readonly keepAddresses?: SecureBucketAddresses;
}

/**
 * A private S3 bucket: versioned, encrypted (SSE-KMS with bucket keys unless SSE-S3 is chosen), all
 * public access blocked, ACLs disabled (BucketOwnerEnforced), TLS-only policy, lifecycle, optional
 * access logs. Its parts mirror the original resources/s3 module one to one so state can move.
 */
export class SecureBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly publicAccessBlock: S3BucketPublicAccessBlock;
  /** Versioning: what replication (source and destination) needs in place first. */
  public readonly versioning: S3BucketVersioningA;
  public readonly policy: S3BucketPolicy;
  /** The policy's data source, when `policyFromDataSource` is set. */
  public readonly policyDocument?: DataAwsIamPolicyDocument;
  /** Bucket name (= id; known after apply with `bucketPrefix`). */
  public readonly bucketName: string;
  public readonly bucketArn: string;
  private readonly statements: PolicyStatement[];

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    validate(this.node.path, props);
    const lifecycle = props.lifecycle ?? DEFAULT_LIFECYCLE;
    const pin = props.keepAddresses ?? {};

    this.bucket = keep(
      new S3Bucket(this, "bucket", {
        bucket: props.bucketName,
        bucketPrefix: props.bucketPrefix,
        forceDestroy: props.forceDestroy ?? false,
      }),
      pin.bucket,
    );
    const bucket = this.bucket.id;
    const versioning = (this.versioning = new S3BucketVersioningA(this, "versioning", {
      bucket,
      versioningConfiguration: { status: "Enabled" },
    }));
    const encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [
        props.kmsKeyArn === undefined
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
          : {
              applyServerSideEncryptionByDefault: {
                sseAlgorithm: "aws:kms",
                kmsMasterKeyId: props.kmsKeyArn,
              },
              // One KMS call per bucket key instead of per object: cheaper, fewer throttles.
              bucketKeyEnabled: true,
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
    const lifecycleConfig =
      lifecycle === false
        ? undefined
        : new S3BucketLifecycleConfiguration(this, "lifecycle", {
            bucket,
            rule: [lifecycleRule(lifecycle)],
            // Lifecycle rules on an unversioned bucket would treat noncurrent rules as a no-op.
            dependsOn: [versioning],
          });

    this.statements = [tlsOnly(this.bucket.arn), ...(props.policyStatements?.(this.bucket.arn) ?? [])];
    this.policyDocument = props.policyFromDataSource
      ? keep(
          new DataAwsIamPolicyDocument(this, "policy_document", {
            statement: this.statements.map(documentStatement),
          }),
          pin.policyDocument,
        )
      : undefined;
    this.policy = keep(
      new S3BucketPolicy(this, "policy", {
        bucket,
        policy: this.policyDocument?.json ?? policyJson(this.statements),
        // S3 rejects a policy write racing the public access block update.
        dependsOn: [this.publicAccessBlock],
      }),
      pin.policy,
    );
    if (props.objectLock) {
      new S3BucketObjectLockConfigurationA(this, "object_lock", {
        bucket,
        objectLockEnabled: "Enabled",
        rule: { defaultRetention: { mode: props.objectLock.mode, days: props.objectLock.days } },
        // Object Lock needs versioning on first.
        dependsOn: [versioning],
      });
    }
    const logging = props.accessLogs
      ? new S3BucketLoggingA(this, "logging", { bucket, ...props.accessLogs })
      : undefined;

    if (props.movedFromModule) {
      const module = `module.${props.movedFromModule}`;
      // The original resources/s3 module creates these parts with `count` (so their state address
      // carries [0]); the bucket, encryption and public access block have no count.
      const counted: (TerraformResource | undefined)[] = [
        versioning,
        ownership,
        lifecycleConfig,
        this.policy,
        logging,
      ];
      const parts = [this.bucket, encryption, this.publicAccessBlock, ...counted];
      for (const part of parts) {
        if (part === undefined) continue;
        movedFrom(part, `${module}.${part.terraformResourceType}.this${counted.includes(part) ? "[0]" : ""}`);
      }
      new RemovedFromState(this, "removed_acl", {
        from: `${module}.aws_s3_bucket_acl.this`,
        reason:
          "BucketOwnerEnforced disables ACLs: S3 rejects PutBucketAcl, so the ACL resource is forgotten, not applied",
      });
      if (!lifecycleConfig) {
        new RemovedFromState(this, "removed_lifecycle", {
          from: `${module}.aws_s3_bucket_lifecycle_configuration.this`,
          reason:
            "this bucket has no lifecycle: delete the original rule so it stops moving and expiring objects",
          destroy: true,
        });
      }
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

  /** Add statements that name resources created after the bucket (e.g. a CloudFront distribution ARN). */
  public addPolicyStatements(...statements: PolicyStatement[]): void {
    this.statements.push(...statements);
    if (this.policyDocument) this.policyDocument.putStatement(this.statements.map(documentStatement));
    else this.policy.policy = policyJson(this.statements);
  }
}

function keep<T extends TerraformElement>(element: T, name: string | undefined): T {
  return name === undefined ? element : keepAddress(element, name);
}

function tlsOnly(bucketArn: string): PolicyStatement {
  return denyInsecureTransport("DenyInsecureTransport", "s3:*", [bucketArn, `${bucketArn}/*`]);
}

function validate(path: string, props: SecureBucketProps): void {
  const fail = (problem: string): never => {
    throw new Error(`SecureBucket at ${path}: ${problem}`);
  };
  if ((props.bucketName === undefined) === (props.bucketPrefix === undefined)) {
    fail(
      `give exactly one of bucketName and bucketPrefix (got ${props.bucketName === undefined ? "neither" : "both"})`,
    );
  }
  // Tokens (e.g. an account id) resolve later; only literal names can be checked here.
  const name = props.bucketName;
  if (name !== undefined && !Token.isUnresolved(name) && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) {
    fail(`bucketName "${name}" is not a valid S3 bucket name; use 3–63 lower-case letters, digits, . or -`);
  }
  const prefix = props.bucketPrefix;
  if (prefix !== undefined && !Token.isUnresolved(prefix) && !/^[a-z0-9][a-z0-9.-]{0,36}$/.test(prefix)) {
    fail(
      `bucketPrefix "${prefix}" is not a valid S3 bucket name prefix; use 1–37 lower-case letters, digits, . or - (Terraform appends 26 characters)`,
    );
  }
  const algorithm = props.sseAlgorithm ?? "aws:kms";
  if (algorithm === "aws:kms" && props.kmsKeyArn === undefined) {
    fail(`sseAlgorithm "aws:kms" needs kmsKeyArn; pass the key, or sseAlgorithm "AES256" for SSE-S3`);
  }
  if (algorithm === "AES256" && props.kmsKeyArn !== undefined) {
    fail(`sseAlgorithm "AES256" ignores kmsKeyArn "${props.kmsKeyArn}"; drop the key or use "aws:kms"`);
  }
  const lock = props.objectLock;
  if (lock && (!Number.isInteger(lock.days) || lock.days < 1 || lock.days > 36500)) {
    fail(`objectLock.days ${lock.days} must be a whole number of days from 1 to 36500`);
  }
  if (props.lifecycle) {
    for (const problem of lifecycleProblems(props.lifecycle)) fail(problem);
  }
  if (props.movedFromModule !== undefined && !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(props.movedFromModule)) {
    fail(
      `movedFromModule "${props.movedFromModule}" is not a module name; pass e.g. "connect_storage_bucket"`,
    );
  }
  if (props.keepAddresses?.policyDocument !== undefined && !props.policyFromDataSource) {
    fail(
      `keepAddresses.policyDocument "${props.keepAddresses.policyDocument}" needs policyFromDataSource: true (an inline policy has no data source to name)`,
    );
  }
}
