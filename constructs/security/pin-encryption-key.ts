import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { Construct } from "constructs";

export interface PinEncryptionKeyProps {
  /** Prefix of the secret name, e.g. `connect-comprehensive`. */
  readonly namePrefix: string;
  /** Customer-managed key the secret is encrypted with (the stack key). */
  readonly kmsKeyArn: string;
  /** Days a deleted secret can be restored (0 or 7-30). @default 30 */
  readonly recoveryWindowInDays?: number;
}

/**
 * The secret holding the RSA private key (PEM) that decrypts PINs Connect encrypted in the auth
 * module. Terraform creates the container, never the value: operators put the key with
 * `aws secretsmanager put-secret-value` (docs/pin-encryption.md), so it is in no plan or state.
 */
export class PinEncryptionKey extends Construct {
  public readonly secret: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: PinEncryptionKeyProps) {
    super(scope, id);
    const recoveryWindowInDays = props.recoveryWindowInDays ?? 30;
    if (!(recoveryWindowInDays === 0 || (recoveryWindowInDays >= 7 && recoveryWindowInDays <= 30))) {
      throw new Error(
        `PinEncryptionKey at ${this.node.path}: recoveryWindowInDays ${recoveryWindowInDays} must be 0 or 7-30`,
      );
    }
    this.secret = new SecretsmanagerSecret(this, "private_key", {
      name: `${props.namePrefix}/pin-encryption-private-key`,
      description:
        "RSA private key (PEM) decrypting PINs Connect encrypts in the auth module (value set out of band)",
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays,
    });
  }
}
