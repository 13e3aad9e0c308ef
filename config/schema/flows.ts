import { z } from "zod";

/**
 * Encrypted PIN entry: Connect encrypts the keyed PIN in the auth module (GetParticipantInput
 * InputEncryption) with this certificate, signed by the key uploaded to the instance under
 * `keyId`; the Lambda decrypts with the matching private key from Secrets Manager
 * (docs/pin-encryption.md).
 */
const pinEncryption = z
  .object({
    /** The encryption key's id in Connect (the flow's EncryptionKeyId). */
    keyId: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]{7,127}$/, "expected the key id Connect shows for the uploaded key"),
    /** X.509 certificate (PEM) signed by that key; the flow encrypts with its public key. */
    certificatePem: z
      .string()
      .trim()
      .regex(
        /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----$/,
        "expected one PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)",
      ),
  })
  .strict();

export const flowsSchema = z.object({
  /** Name customers hear in greetings. */
  brandName: z.string().min(1).default("Example Bank"),
  /** Seconds the IVR waits for a DTMF key. */
  dtmfTimeoutSeconds: z.number().int().min(1).max(180).default(8),
  /**
   * Percentage of callers the phone numbers send to the new voice entry flow during the cutover;
   * the rest reach the original stack's entry flow. 0 is the emergency rollback, 100 the end state.
   */
  canaryPercent: z.number().int().min(0).max(100).default(100),
  /**
   * Encrypted PIN entry. Required in prod. Without it (dev) the PIN is captured as plain digits
   * with flow logging off around it, and never reaches a contact attribute.
   * @default - plain capture
   */
  pinEncryption: pinEncryption.optional(),
});
