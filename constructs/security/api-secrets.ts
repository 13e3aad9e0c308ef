import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { Construct } from "constructs";
import { RemovedFromState } from "../core/addresses";

export interface ApiSecretsProps {
  /** Prefix of the secret names, e.g. `connect-comprehensive`. */
  readonly namePrefix: string;
  /** Customer-managed key the secrets are encrypted with. */
  readonly kmsKeyArn: string;
  /** Days a deleted secret can be restored. @default 30 */
  readonly recoveryWindowInDays?: number;
}

/** Address of the retired CRM key secret in the stacks that created it. */
export const RETIRED_CRM_API_KEY = "aws_secretsmanager_secret.secrets_crm_api_key";

/**
 * Secret containers for the API keys the Lambda calls out with. Terraform creates the secrets but
 * never their values: a value in Terraform would sit in plan files and state. Operators put it with
 * `aws secretsmanager put-secret-value` (README "Secrets"); the Lambda reads it at run time and caches it.
 */
export class ApiSecrets extends Construct {
  public readonly bankingApiKey: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: ApiSecretsProps) {
    super(scope, id);
    const recoveryWindowInDays = props.recoveryWindowInDays ?? 30;
    if (!(recoveryWindowInDays === 0 || (recoveryWindowInDays >= 7 && recoveryWindowInDays <= 30))) {
      throw new Error(
        `ApiSecrets at ${this.node.path}: recoveryWindowInDays ${recoveryWindowInDays} must be 0 or 7-30`,
      );
    }
    this.bankingApiKey = new SecretsmanagerSecret(this, "banking_api_key", {
      name: `${props.namePrefix}/banking-api-key`,
      description: "API key of the core-banking API (value set out of band)",
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays,
    });
    // Not in the original state: earlier deploys of this stack created it. Forgotten, not deleted, so
    // a key value an operator stored is revoked at the vendor before anyone deletes the secret.
    new RemovedFromState(this, "removed_crm_api_key", {
      from: RETIRED_CRM_API_KEY,
      destroy: false,
      reason:
        "CRM API key secret retired: GET /customer is authorized by the agents' identity provider (constructs/api/companion-crm-api.ts) and nothing reads this secret. Forgotten, not destroyed: a stored CRM key may still be valid at the vendor; revoke it there, then delete the secret by hand after the cutover (docs/migration.md).",
    });
  }
}
