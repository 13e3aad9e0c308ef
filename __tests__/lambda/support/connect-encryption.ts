import { constants, createPrivateKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildEncrypt } from "@aws-crypto/encrypt-node";
import { AlgorithmSuiteIdentifier, CommitmentPolicy } from "@aws-crypto/material-management-node";
import { RawRsaKeyringNode } from "@aws-crypto/raw-rsa-keyring-node";
import { writeAtomically } from "../../../scripts/support/build-cache.cjs";

/** Algorithm suite ids of the message format (the SDK's AlgorithmSuiteIdentifier values). */
export const SUITES = {
  signedP384: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
  unsignedSha256: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA256,
} as const;

export interface TestKeyPair {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

/**
 * A named RSA key pair for tests (Connect's input-encryption keys are RSA 2048+), generated on
 * this machine on first use and kept beside the other test caches: generating one costs ~0.4 s
 * of CPU, and every run would otherwise pay it per suite. Different names, different keys.
 * Never a key of any real system; nothing outside the tests reads it.
 */
export function testKeyPair(name = "connect"): TestKeyPair {
  const file = resolve(__dirname, "../../../node_modules/.cache/connect-tests/keys", `rsa-2048-${name}.json`);
  try {
    const kept = JSON.parse(readFileSync(file, "utf8")) as TestKeyPair;
    createPrivateKey(kept.privateKeyPem); // a damaged file is regenerated, never used
    return kept;
  } catch {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pair = {
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    };
    writeAtomically(file, JSON.stringify(pair));
    return pair;
  }
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
