import { TerraformMetaArguments, TerraformResource, stringToTerraform } from "cdktf";
import { Construct } from "constructs";
import { awsccHclAttributes, awsccResourceConfig } from "./resource";

/**
 * What awscc 1.69.0 accepts for `integration_type`: the OneOf validator of its generated
 * awscc_connect_integration_association (internal/aws/connect/integration_association_resource_gen.go
 * at tag v1.69.0), from the AWS::Connect::IntegrationAssociation schema it bundles. CloudFormation
 * has added types since (@aws-cdk/aws-service-spec 0.1.216 lists 11); awscc rejects them at plan
 * until its pin moves.
 */
export const CONNECT_INTEGRATION_TYPES = ["LEX_BOT", "LAMBDA_FUNCTION", "APPLICATION"] as const;

export type ConnectIntegrationType = (typeof CONNECT_INTEGRATION_TYPES)[number];

/** A value from plain JavaScript or a cast would otherwise only fail at `terraform plan`. */
function checkedType(id: string, value: ConnectIntegrationType): ConnectIntegrationType {
  if (!(CONNECT_INTEGRATION_TYPES as readonly string[]).includes(value)) {
    throw new Error(
      `${id}: integrationType "${String(value)}" is not accepted by awscc_connect_integration_association (awscc 1.69): use one of ${CONNECT_INTEGRATION_TYPES.join(", ")}`,
    );
  }
  return value;
}

export interface ConnectIntegrationAssociationConfig extends TerraformMetaArguments {
  /** ARN of the Amazon Connect instance (the ARN, not the id). */
  readonly instanceId: string;
  /** ARN of the integration, e.g. a Lex V2 bot alias ARN. */
  readonly integrationArn: string;
  /** What is associated. LEX_BOT for Lex V2 aliases (aws_connect_bot_association is Lex V1 only). */
  readonly integrationType: ConnectIntegrationType;
}

/** awscc_connect_integration_association (AWS::Connect::IntegrationAssociation). */
export class ConnectIntegrationAssociation extends TerraformResource {
  public static readonly tfResourceType = "awscc_connect_integration_association";

  private _instanceId: string;
  private _integrationArn: string;
  private _integrationType: ConnectIntegrationType;

  constructor(scope: Construct, id: string, config: ConnectIntegrationAssociationConfig) {
    super(scope, id, awsccResourceConfig("awscc_connect_integration_association", config));
    this._instanceId = config.instanceId;
    this._integrationArn = config.integrationArn;
    this._integrationType = checkedType(id, config.integrationType);
  }

  public get instanceId(): string {
    return this.getStringAttribute("instance_id");
  }
  public set instanceId(value: string) {
    this._instanceId = value;
  }
  public get instanceIdInput(): string {
    return this._instanceId;
  }

  public get integrationArn(): string {
    return this.getStringAttribute("integration_arn");
  }
  public set integrationArn(value: string) {
    this._integrationArn = value;
  }
  public get integrationArnInput(): string {
    return this._integrationArn;
  }

  public get integrationType(): string {
    return this.getStringAttribute("integration_type");
  }
  public set integrationType(value: ConnectIntegrationType) {
    this._integrationType = checkedType(this.node.id, value);
  }
  public get integrationTypeInput(): ConnectIntegrationType {
    return this._integrationType;
  }

  /** Computed: the association's identifier. */
  public get integrationAssociationId(): string {
    return this.getStringAttribute("integration_association_id");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      instance_id: stringToTerraform(this._instanceId),
      integration_arn: stringToTerraform(this._integrationArn),
      integration_type: stringToTerraform(this._integrationType),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return awsccHclAttributes(this.synthesizeAttributes());
  }
}
