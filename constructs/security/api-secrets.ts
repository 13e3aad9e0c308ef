import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { Construct } from "constructs";

export interface ApiSecretsProps {
  /** Prefix of the secret names, e.g. `connect-comprehensive`. */
  readonly namePrefix: string;
  /** Customer-managed key the secrets are encrypted with. */
  readonly kmsKeyArn: string;
  /** Days a deleted secret can be restored. @default 30 */
  readonly recoveryWindowInDays?: number;
}

/**
 * Secret containers for the API keys the Lambda calls out with. Terraform creates the secrets but
 * never their values: a value in Terraform would sit in plan files and state. Operators put it with
 * `aws secretsmanager put-secret-value` (README "Secrets"); the Lambda reads it at run time and caches it.
 */
export class ApiSecrets extends Construct {
  public readonly bankingApiKey: SecretsmanagerSecret;
  public readonly crmApiKey: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: ApiSecretsProps) {
    super(scope, id);
    const recoveryWindowInDays = props.recoveryWindowInDays ?? 30;
    if (!(recoveryWindowInDays === 0 || (recoveryWindowInDays >= 7 && recoveryWindowInDays <= 30))) {
      throw new Error(
        `ApiSecrets at ${this.node.path}: recoveryWindowInDays ${recoveryWindowInDays} must be 0 or 7-30`,
      );
    }
    const secret = (resourceId: string, name: string, description: string) =>
      new SecretsmanagerSecret(this, resourceId, {
        name: `${props.namePrefix}/${name}`,
        description,
        kmsKeyId: props.kmsKeyArn,
        recoveryWindowInDays,
      });
    this.bankingApiKey = secret(
      "banking_api_key",
      "banking-api-key",
      "API key of the core-banking API (value set out of band)",
    );
    this.crmApiKey = secret("crm_api_key", "crm-api-key", "API key of the CRM API (value set out of band)");
  }
}
