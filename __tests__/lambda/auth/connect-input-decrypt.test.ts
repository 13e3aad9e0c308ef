import { createPrivateKey } from "node:crypto";
import {
  EncryptedInputError,
  decryptConnectInput,
} from "../../../lambda/lex_fallback/auth/connect-input-decrypt";
import { SUITES, encryptLikeConnect, testKeyPair } from "../support/connect-encryption";

const KEY_ID = "3f1c9a2e-0b7d-4e55-9c21-7a6b2f0d8e14";
const pair = testKeyPair();
const privateKey = createPrivateKey(pair.privateKeyPem);

describe("decrypting what the AWS Encryption SDK encrypted the way Connect does", () => {
  it.each([
    ["signed (0x0378, the SDK's version-1 default)", SUITES.signedP384],
    ["unsigned (0x0178)", SUITES.unsignedSha256],
  ])("%s", async (_, suiteId) => {
    const ciphertext = await encryptLikeConnect("4321", KEY_ID, pair.publicKeyPem, { suiteId });
    expect(decryptConnectInput(ciphertext, KEY_ID, privateKey)).toBe("4321");
  });

  it("several frames, in order", async () => {
    const digits = "12345678901234567890";
    const ciphertext = await encryptLikeConnect(digits, KEY_ID, pair.publicKeyPem, { frameLength: 4 });
    expect(decryptConnectInput(ciphertext, KEY_ID, privateKey)).toBe(digits);
  });
});

describe("refusing what must not decrypt", () => {
  let ciphertext: string;
  beforeAll(async () => {
    ciphertext = await encryptLikeConnect("4321", KEY_ID, pair.publicKeyPem);
  });

  it("every single flipped byte is refused, none yields a PIN", () => {
    const bytes = Buffer.from(ciphertext, "base64");
    for (let i = 0; i < bytes.length; i++) {
      const tampered = Buffer.from(bytes);
      tampered[i] = tampered[i]! ^ 0x01;
      expect(() => decryptConnectInput(tampered.toString("base64"), KEY_ID, privateKey)).toThrow(
        EncryptedInputError,
      );
    }
  });

  it("a truncated message", () => {
    const bytes = Buffer.from(ciphertext, "base64");
    expect(() =>
      decryptConnectInput(bytes.subarray(0, bytes.length - 10).toString("base64"), KEY_ID, privateKey),
    ).toThrow(EncryptedInputError);
  });

  it("another key id", () => {
    expect(() => decryptConnectInput(ciphertext, "other-key", privateKey)).toThrow(/no data key/);
  });

  it("another private key", () => {
    const other = createPrivateKey(testKeyPair("another").privateKeyPem);
    expect(() => decryptConnectInput(ciphertext, KEY_ID, other)).toThrow(/does not unwrap/);
  });

  it("a plain PIN where a ciphertext was expected", () => {
    expect(() => decryptConnectInput("4321", KEY_ID, privateKey)).toThrow(EncryptedInputError);
  });

  it("errors carry no key or plaintext material", async () => {
    const bytes = Buffer.from(ciphertext, "base64");
    bytes[bytes.length - 1] ^= 0x01;
    try {
      decryptConnectInput(bytes.toString("base64"), KEY_ID, privateKey);
      throw new Error("decrypted a tampered message");
    } catch (error) {
      expect(String((error as Error).message)).not.toMatch(/4321|BEGIN|[A-Za-z0-9+/]{40}/);
    }
  });
});
