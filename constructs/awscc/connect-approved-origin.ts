import { TerraformMetaArguments, TerraformResource, stringToTerraform } from "cdktf";
import { Construct } from "constructs";
import { awsccHclAttributes, awsccResourceConfig } from "./resource";

export interface ConnectApprovedOriginConfig extends TerraformMetaArguments {
  /** ARN of the Amazon Connect instance (CloudFormation's InstanceId takes the ARN). */
  readonly instanceId: string;
  /** Origin allowed to embed the CCP, e.g. `https://d111111abcdef8.cloudfront.net`. */
  readonly origin: string;
}

/**
 * awscc_connect_approved_origin (AWS::Connect::ApprovedOrigin): declarative replacement for the
 * original `null_resource.associate_origin` + AWS CLI script. hashicorp/aws has no such resource.
 */
export class ConnectApprovedOrigin extends TerraformResource {
  public static readonly tfResourceType = "awscc_connect_approved_origin";

  private readonly _instanceId: string;
  private readonly _origin: string;

  constructor(scope: Construct, id: string, config: ConnectApprovedOriginConfig) {
    super(scope, id, awsccResourceConfig("awscc_connect_approved_origin", config));
    this._instanceId = config.instanceId;
    this._origin = config.origin;
  }

  public get instanceIdInput(): string {
    return this._instanceId;
  }

  public get originInput(): string {
    return this._origin;
  }

  public get origin(): string {
    return this.getStringAttribute("origin");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      instance_id: stringToTerraform(this._instanceId),
      origin: stringToTerraform(this._origin),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return awsccHclAttributes(this.synthesizeAttributes());
  }
}
