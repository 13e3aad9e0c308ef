import { constants, generateKeyPairSync } from "node:crypto";
import { buildEncrypt } from "@aws-crypto/encrypt-node";
import { AlgorithmSuiteIdentifier, CommitmentPolicy } from "@aws-crypto/material-management-node";
import { RawRsaKeyringNode } from "@aws-crypto/raw-rsa-keyring-node";

/** Algorithm suite ids of the message format (the SDK's AlgorithmSuiteIdentifier values). */
export const SUITES = {
  signedP384: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
  unsignedSha256: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA256,
} as const;

/** One RSA key pair for a test run (Connect's input-encryption keys are RSA; 2048 bits keeps it quick). */
export function testKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

/**
 * Encrypts as Amazon Connect does for a flow's InputEncryption, with the real AWS Encryption SDK:
 * a raw RSA keyring under provider "AmazonConnect" and the flow's EncryptionKeyId, OAEP with
 * SHA-512 (the admin guide's decryption sample), the SDK's version-1 default suite unless told.
 */
export async function encryptLikeConnect(
  plaintext: string,
  keyId: string,
  publicKeyPem: string,
  options: { suiteId?: AlgorithmSuiteIdentifier; frameLength?: number } = {},
): Promise<string> {
  const { encrypt } = buildEncrypt(CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT);
  const keyring = new RawRsaKeyringNode({
    keyName: keyId,
    keyNamespace: "AmazonConnect",
    rsaKey: { publicKey: publicKeyPem },
    padding: constants.RSA_PKCS1_OAEP_PADDING,
    oaepHash: "sha512",
  });
  const { result } = await encrypt(keyring, plaintext, {
    suiteId: options.suiteId ?? SUITES.signedP384,
    ...(options.frameLength ? { frameLength: options.frameLength } : {}),
  });
  return result.toString("base64");
}
