import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { NullProvider } from "@cdktf/provider-null/lib/provider";
import { LocalBackend, S3Backend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import type { BackendConfig } from "../../config/schema";
import { AwsccProvider } from "../awscc";
import { keepAddress } from "../core/addresses";

export interface PlatformProps {
  /** Default region of the aws and awscc providers. */
  readonly region: string;
  /** Tags every AWS resource gets through provider default_tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Where Terraform state lives. */
  readonly backend: BackendConfig;
  /** Stack name, used for the default local state file name. */
  readonly stackName: string;
  /**
   * Accounts the aws providers may act in; Terraform stops before any change under credentials of
   * another (the wrong account's apply is the costliest mistake a bank can make here).
   * @default - any account
   */
  readonly allowedAccountIds?: readonly string[];
}

/**
 * Providers, backend and account/region lookups: everything other constructs take for granted.
 * Provider versions come from the pinned npm bindings (aws 6.x via @cdktf/provider-aws 21.x,
 * null 3.x) and AWSCC_PROVIDER_VERSION for the hand-written awscc bindings.
 */
export class Platform extends Construct {
  public readonly aws: AwsProvider;
  /** us-east-1, for resources CloudFront requires there (WAF web ACL, certificates). */
  public readonly awsUsEast1: AwsProvider;
  public readonly awscc: AwsccProvider;
  public readonly nullProvider: NullProvider;
  public readonly accountId: string;
  public readonly regionName: string;
  public readonly partition: string;

  constructor(scope: Construct, id: string, props: PlatformProps) {
    super(scope, id);
    const defaultTags = [{ tags: { ...props.tags } }];
    const accounts = props.allowedAccountIds ? { allowedAccountIds: [...props.allowedAccountIds] } : {};
    this.aws = new AwsProvider(this, "aws", { region: props.region, defaultTags, ...accounts });
    this.awsUsEast1 = new AwsProvider(this, "aws_us_east_1", {
      region: "us-east-1",
      alias: "us_east_1",
      defaultTags,
      ...accounts,
    });
    this.awscc = new AwsccProvider(this, "awscc", { region: props.region });
    this.nullProvider = new NullProvider(this, "null");

    configureBackend(TerraformStack.of(this), props.backend, props.stackName);

    const caller = keepAddress(new DataAwsCallerIdentity(this, "caller_identity"), "current");
    const region = keepAddress(new DataAwsRegion(this, "region"), "current");
    this.accountId = caller.accountId;
    this.partition = keepAddress(new DataAwsPartition(this, "partition"), "current").partition;
    this.regionName = region.region;
  }
}

/** `removed` blocks (constructs/core/addresses.ts) need Terraform 1.7; S3-native locking needs 1.10. */
export const MIN_TERRAFORM = "1.7.0";
export const MIN_TERRAFORM_S3_LOCKFILE = "1.10.0";

function configureBackend(stack: TerraformStack, backend: BackendConfig, stackName: string): void {
  // An older Terraform would stop at the removed blocks mid-plan, or, before 1.10, ignore
  // use_lockfile and run without a lock; required_version makes it refuse up front, naming both.
  const minimum = backend.type === "s3" && backend.useLockfile ? MIN_TERRAFORM_S3_LOCKFILE : MIN_TERRAFORM;
  stack.addOverride("terraform.required_version", `>= ${minimum}`);
  if (backend.type === "local") {
    new LocalBackend(stack, { path: backend.path ?? `terraform.${stackName}.tfstate` });
    return;
  }
  const s3 = new S3Backend(stack, {
    bucket: backend.bucket,
    key: backend.key,
    region: backend.region,
    encrypt: backend.encrypt,
    kmsKeyId: backend.kmsKeyId,
    dynamodbTable: backend.dynamodbTable,
  });
  // S3-native locking (Terraform >= 1.10) postdates cdktf 0.21's S3BackendConfig.
  if (backend.useLockfile) s3.addOverride("use_lockfile", true);
}
