// Hand-written bindings for the few hashicorp/awscc resources this stack needs, shaped like the
// code `cdktf get` generates (TerraformProvider/TerraformResource subclasses, typed config, attribute
// getters). There is no prebuilt awscc package on npm, and generating one needs the Terraform registry.
import { TerraformProvider, stringToTerraform } from "cdktf";
import { Construct } from "constructs";
import { awsccHclAttributes } from "./resource";

/** The awscc provider version every binding here was written against (CloudFormation schema names). */
export const AWSCC_PROVIDER_VERSION = "1.69.0";

export interface AwsccProviderConfig {
  /** Region for Cloud Control API calls. */
  readonly region: string;
  /** Alias when more than one awscc provider is configured. @default - none */
  readonly alias?: string;
  /** IAM role Cloud Control assumes to act on resources. @default - the caller's credentials */
  readonly roleArn?: string;
}

export class AwsccProvider extends TerraformProvider {
  public static readonly tfResourceType = "awscc";

  private readonly _region: string;
  private readonly _alias?: string;
  private readonly _roleArn?: string;

  constructor(scope: Construct, id: string, config: AwsccProviderConfig) {
    super(scope, id, {
      terraformResourceType: "awscc",
      terraformGeneratorMetadata: {
        providerName: "awscc",
        providerVersion: AWSCC_PROVIDER_VERSION,
        providerVersionConstraint: AWSCC_PROVIDER_VERSION,
      },
      terraformProviderSource: "hashicorp/awscc",
    });
    this._region = config.region;
    this._alias = config.alias;
    this._roleArn = config.roleArn;
  }

  public get region(): string {
    return this._region;
  }

  public override get alias(): string | undefined {
    return this._alias;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      region: stringToTerraform(this._region),
      alias: stringToTerraform(this._alias),
      role_arn: stringToTerraform(this._roleArn),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return awsccHclAttributes(this.synthesizeAttributes());
  }
}
