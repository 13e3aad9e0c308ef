import { EncryptedPinInput } from "../../../lambda/lex_fallback/adapters/connect-pin-input";
import { SecretCache } from "../../../lambda/lex_fallback/adapters/secret-cache";
import { handleContactFlow } from "../../../lambda/lex_fallback/connect/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { remotePolicy } from "../../../lambda/lex_fallback/shared/resilience";
import { CONTACT_ID, connectEvent } from "../support/connect-events";
import { encryptLikeConnect, testKeyPair } from "../support/connect-encryption";
import { harness } from "../support/in-memory-ports";

const KEY_ID = "9b2e4c1a-5d3f-4a8e-b6c7-0e1f2a3b4c5d";
const SECRET_ID = "arn:aws:secretsmanager:eu-west-2:111122223333:secret:pin-key";
const pair = testKeyPair();

/** The deployed adapter over a Secrets Manager stand-in that counts reads. */
function encryptedHarness() {
  let reads = 0;
  const client = async () =>
    ({
      send: async () => {
        reads++;
        return { SecretString: pair.privateKeyPem };
      },
    }) as never;
  const secrets = new SecretCache(client, remotePolicy({ timeoutMs: 1000, attempts: 1 }));
  const h = harness({ pinInput: new EncryptedPinInput(KEY_ID, SECRET_ID, secrets) });
  return { h, reads: () => reads };
}

const verify = (pin: string) => connectEvent({ operation: "verify_pin", pin });
const encrypted = (pin: string) => encryptLikeConnect(pin, KEY_ID, pair.publicKeyPem);

/** Everything the function writes (logs at DEBUG, EMF lines), while `run` runs. */
async function output(run: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const capture = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  const out = jest.spyOn(process.stdout, "write").mockImplementation(capture);
  const err = jest.spyOn(process.stderr, "write").mockImplementation(capture);
  logger.setLogLevel("DEBUG");
  try {
    await run();
  } finally {
    logger.setLogLevel("WARN");
    out.mockRestore();
    err.mockRestore();
  }
  return chunks.join("");
}

describe("verify_pin with encrypted entry", () => {
  it("decrypts and verifies the PIN, reading the private key once", async () => {
    const { h, reads } = encryptedHarness();
    expect(await handleContactFlow(verify(await encrypted("4321")), h.deps)).toStrictEqual({
      status: "Verified",
    });
    expect(h.auth.sessions.get(CONTACT_ID)).toStrictEqual({ customerId: "c-123", method: "PIN" });
    await handleContactFlow(verify(await encrypted("4321")), h.deps);
    expect(reads()).toBe(1);
  });

  it("a wrong encrypted PIN is a failed attempt like a plain one", async () => {
    const { h } = encryptedHarness();
    expect(await handleContactFlow(verify(await encrypted("9999")), h.deps)).toStrictEqual({
      status: "Invalid",
      attemptsRemaining: "2",
    });
  });

  it("a tampered ciphertext is refused cleanly, uses no attempt, and is recorded", async () => {
    const { h } = encryptedHarness();
    const bytes = Buffer.from(await encrypted("4321"), "base64");
    bytes[bytes.length - 40] ^= 0x01;
    expect(await handleContactFlow(verify(bytes.toString("base64")), h.deps)).toStrictEqual({
      status: "Error",
      reason: "unreadable_input",
    });
    expect(h.auth.failures.size).toBe(0);
    expect(h.auth.sessions.size).toBe(0);
    expect(h.security.events.map((e) => e.type)).toStrictEqual(["AUTH_INPUT_REJECTED"]);
  });

  it("a plain PIN is refused once entry is encrypted", async () => {
    const { h } = encryptedHarness();
    expect(await handleContactFlow(verify("4321"), h.deps)).toStrictEqual({
      status: "Error",
      reason: "unreadable_input",
    });
    expect(h.auth.sessions.size).toBe(0);
  });

  it("logs nothing PIN-like: no digits, no ciphertext, no key", async () => {
    const { h } = encryptedHarness();
    const good = await encrypted("4321");
    const wrong = await encrypted("8642");
    const tampered = Buffer.from(good, "base64");
    tampered[tampered.length - 40] ^= 0x01;
    const written = await output(async () => {
      for (const pin of [good, wrong, tampered.toString("base64"), "4321"])
        await handleContactFlow(verify(pin), h.deps);
    });
    expect(written).toContain("encrypted PIN refused");
    for (const secret of ["4321", "8642", good.slice(0, 24), wrong.slice(0, 24), "PRIVATE KEY"])
      expect(written).not.toContain(secret);
    expect(JSON.stringify(h.security.events)).not.toMatch(/4321|8642/);
  });
});
