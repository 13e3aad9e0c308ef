import {
  ECDH,
  createDecipheriv,
  createPublicKey,
  hkdfSync,
  privateDecrypt,
  constants,
  verify,
} from "node:crypto";
import type { KeyObject } from "node:crypto";

/**
 * Decrypts a value Amazon Connect encrypted in a flow (GetParticipantInput with InputEncryption):
 * an AWS Encryption SDK message, base64, whose data key is wrapped with RSA-OAEP (SHA-512, MGF1
 * SHA-512) under provider id "AmazonConnect" and the flow's EncryptionKeyId (the admin guide's
 * decryption sample). Written with node:crypto because the Encryption SDK for Node costs ~84 KB
 * zipped, over the function's bundle budget; tests encrypt with that SDK and decrypt with this.
 *
 * Supports message format 1 with the AES-256-GCM HKDF suites, signed (0x0378, ECDSA P-384, the
 * SDK's version-1 default) or not (0x0178). Anything else is refused with its suite id.
 * Every check fails closed: header auth tag, each frame's tag, frame order, signature.
 */

export const CONNECT_KEY_PROVIDER = "AmazonConnect";
const PUBLIC_KEY_CONTEXT = "aws-crypto-public-key";

interface Suite {
  readonly hash: "sha256" | "sha384";
  /** ECDSA curve of the footer signature, when the suite signs. */
  readonly signature?: { readonly curve: string; readonly spkiPrefix: Buffer; readonly hash: "sha384" };
}

// DER SubjectPublicKeyInfo header of an uncompressed P-384 point (id-ecPublicKey, secp384r1).
const P384_SPKI_PREFIX = Buffer.from("3076301006072a8648ce3d020106052b81040022036200", "hex");

const SUITES: Readonly<Record<number, Suite>> = {
  0x0178: { hash: "sha256" },
  0x0378: { hash: "sha384", signature: { curve: "secp384r1", spkiPrefix: P384_SPKI_PREFIX, hash: "sha384" } },
};

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FINAL_FRAME = 0xffffffff;

/** Why a value could not be decrypted; never carries key or plaintext material. */
export class EncryptedInputError extends Error {
  public override readonly name = "EncryptedInputError";
}

/** Reads the message front to back; every read is bounds-checked. */
class Reader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}
  get position(): number {
    return this.offset;
  }
  take(length: number): Buffer {
    if (length < 0 || this.offset + length > this.bytes.length)
      throw new EncryptedInputError("message is truncated");
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  u8(): number {
    return this.take(1).readUInt8(0);
  }
  u16(): number {
    return this.take(2).readUInt16BE(0);
  }
  u32(): number {
    return this.take(4).readUInt32BE(0);
  }
  u64(): number {
    const value = this.take(8).readBigUInt64BE(0);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new EncryptedInputError("content length out of range");
    return Number(value);
  }
  lengthPrefixed(): Buffer {
    return this.take(this.u16());
  }
  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

function gcmOpen(key: Buffer, iv: Buffer, aad: Buffer, ciphertext: Buffer, tag: Buffer): Buffer {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new EncryptedInputError("authentication failed");
  }
}

function frameAad(messageId: Buffer, kind: string, sequence: number, length: number): Buffer {
  const tail = Buffer.alloc(12);
  tail.writeUInt32BE(sequence, 0);
  tail.writeBigUInt64BE(BigInt(length), 4);
  return Buffer.concat([messageId, Buffer.from(`AWSKMSEncryptionClient ${kind}`, "utf8"), tail]);
}

function unwrapDataKey(
  edks: ReadonlyArray<{ provider: string; info: string; key: Buffer }>,
  keyId: string,
  privateKey: KeyObject,
): Buffer {
  const ours = edks.filter((e) => e.provider === CONNECT_KEY_PROVIDER && e.info === keyId);
  if (ours.length === 0)
    throw new EncryptedInputError(`no data key for provider ${CONNECT_KEY_PROVIDER} and this key id`);
  for (const edk of ours) {
    try {
      const key = privateDecrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha512" },
        edk.key,
      );
      if (key.length === KEY_BYTES) return key;
    } catch {
      // Try the next wrapped copy; none left is reported below.
    }
  }
  throw new EncryptedInputError("the private key does not unwrap the data key");
}

/**
 * The plaintext of one Connect-encrypted value. `keyId` is the flow's EncryptionKeyId; `privateKey`
 * the RSA private key whose certificate the flow encrypts with.
 */
export function decryptConnectInput(ciphertextBase64: string, keyId: string, privateKey: KeyObject): string {
  const bytes = Buffer.from(ciphertextBase64.trim(), "base64");
  if (bytes.length === 0) throw new EncryptedInputError("empty ciphertext");
  const r = new Reader(bytes);

  const version = r.u8();
  if (version !== 0x01) throw new EncryptedInputError(`message format version ${version} is not supported`);
  if (r.u8() !== 0x80) throw new EncryptedInputError("not an encrypted message");
  const suiteId = r.u16();
  const suite = SUITES[suiteId];
  if (suite === undefined)
    throw new EncryptedInputError(
      `algorithm suite 0x${suiteId.toString(16).padStart(4, "0")} is not supported`,
    );
  const messageId = r.take(16);

  const context = new Map<string, string>();
  const contextBytes = r.lengthPrefixed();
  if (contextBytes.length > 0) {
    const c = new Reader(contextBytes);
    for (let pairs = c.u16(); pairs > 0; pairs--) {
      context.set(c.lengthPrefixed().toString("utf8"), c.lengthPrefixed().toString("utf8"));
    }
    if (!c.done) throw new EncryptedInputError("malformed encryption context");
  }

  const edks: Array<{ provider: string; info: string; key: Buffer }> = [];
  for (let count = r.u16(); count > 0; count--) {
    edks.push({
      provider: r.lengthPrefixed().toString("utf8"),
      info: r.lengthPrefixed().toString("utf8"),
      key: Buffer.from(r.lengthPrefixed()),
    });
  }
  const contentType = r.u8();
  if (r.u32() !== 0) throw new EncryptedInputError("malformed header");
  if (r.u8() !== IV_BYTES) throw new EncryptedInputError("unexpected IV length");
  const frameLength = r.u32();
  const header = bytes.subarray(0, r.position);

  const dataKey = unwrapDataKey(edks, keyId, privateKey);
  const info = Buffer.alloc(2 + messageId.length);
  info.writeUInt16BE(suiteId, 0);
  messageId.copy(info, 2);
  const key = Buffer.from(hkdfSync(suite.hash, dataKey, Buffer.alloc(0), info, KEY_BYTES));

  gcmOpen(key, r.take(IV_BYTES), header, Buffer.alloc(0), r.take(TAG_BYTES));

  const parts: Buffer[] = [];
  if (contentType === 0x01) {
    const iv = r.take(IV_BYTES);
    const length = r.u64();
    const content = r.take(length);
    parts.push(gcmOpen(key, iv, frameAad(messageId, "Single Block", 1, length), content, r.take(TAG_BYTES)));
  } else if (contentType === 0x02) {
    for (let expected = 1; ; expected++) {
      const marker = r.u32();
      const final = marker === FINAL_FRAME;
      const sequence = final ? r.u32() : marker;
      if (sequence !== expected) throw new EncryptedInputError("frames out of order");
      const iv = r.take(IV_BYTES);
      const length = final ? r.u32() : frameLength;
      if (final && length > frameLength) throw new EncryptedInputError("final frame too long");
      const content = r.take(length);
      const aad = frameAad(messageId, final ? "Final Frame" : "Frame", sequence, length);
      parts.push(gcmOpen(key, iv, aad, content, r.take(TAG_BYTES)));
      if (final) break;
    }
  } else {
    throw new EncryptedInputError(`content type ${contentType} is not supported`);
  }

  if (suite.signature) {
    const signed = bytes.subarray(0, r.position);
    const signature = r.lengthPrefixed();
    const point = context.get(PUBLIC_KEY_CONTEXT);
    if (point === undefined) throw new EncryptedInputError("signed suite without a public key");
    let publicKey: KeyObject;
    try {
      const uncompressed = ECDH.convertKey(
        Buffer.from(point, "base64"),
        suite.signature.curve,
        undefined,
        undefined,
        "uncompressed",
      ) as Buffer;
      publicKey = createPublicKey({
        key: Buffer.concat([suite.signature.spkiPrefix, uncompressed]),
        format: "der",
        type: "spki",
      });
    } catch {
      throw new EncryptedInputError("malformed signing key");
    }
    if (!verify(suite.signature.hash, signed, { key: publicKey, dsaEncoding: "der" }, signature))
      throw new EncryptedInputError("signature does not verify");
  }
  if (!r.done) throw new EncryptedInputError("trailing bytes after the message");
  return Buffer.concat(parts).toString("utf8");
}
