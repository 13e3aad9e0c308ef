import { createPrivateKey, type KeyObject } from "node:crypto";
import { decryptConnectInput } from "../auth/connect-input-decrypt";
import type { PinInput } from "../ports";
import { DependencyError } from "../shared/errors";
import type { SecretCache } from "./secret-cache";

/** The flow stores the keyed digits as they are (no InputEncryption configured). */
export const PLAIN_PIN_INPUT: PinInput = {
  encrypted: false,
  read: async (raw) => raw.trim(),
};

/**
 * The flow encrypts the keyed digits (InputEncryption with the configured certificate); the
 * private key is a PEM in Secrets Manager, read through the secret cache (re-read after its TTL,
 * so a rotated key reaches warm containers) and parsed once per value. A value that does not
 * decrypt, a plain PIN included, throws EncryptedInputError.
 */
export class EncryptedPinInput implements PinInput {
  readonly encrypted = true;
  private parsed: { readonly pem: string; readonly key: KeyObject } | undefined;

  constructor(
    private readonly keyId: string,
    private readonly privateKeySecretId: string,
    private readonly secrets: SecretCache,
  ) {}

  async read(raw: string): Promise<string> {
    const pem = await this.secrets.get(this.privateKeySecretId);
    if (this.parsed?.pem !== pem) {
      let key: KeyObject;
      try {
        key = createPrivateKey(pem);
      } catch {
        throw new DependencyError("secretsmanager", "the PIN key secret is not a PEM private key", false);
      }
      this.parsed = { pem, key };
    }
    return decryptConnectInput(raw, this.keyId, this.parsed.key).trim();
  }
}
