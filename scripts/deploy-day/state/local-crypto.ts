/**
 * Encryption of local state backups: AES-256-GCM with a key derived by scrypt from a passphrase and
 * a random salt per file. The file is JSON naming its format, so a restore can refuse anything else.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

export const BACKUP_FORMAT = "connect-state-backup/aes-256-gcm-scrypt/1";

interface Sealed {
  readonly format: string;
  readonly salt: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

const key = (passphrase: string, salt: Buffer) =>
  scryptSync(passphrase, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });

export function sealState(state: string, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(passphrase, salt), iv);
  const ciphertext = Buffer.concat([cipher.update(state, "utf8"), cipher.final()]);
  const sealed: Sealed = {
    format: BACKUP_FORMAT,
    salt: salt.toString("base64"),
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    ciphertext: ciphertext.toString("base64"),
  };
  return `${JSON.stringify(sealed)}\n`;
}

/** @throws Error naming the problem: not a backup, or a wrong passphrase (or a tampered file). */
export function openState(file: string, passphrase: string): string {
  let sealed: Sealed;
  try {
    sealed = JSON.parse(file) as Sealed;
  } catch {
    throw new Error("not a state backup written by npm run state:backup (not JSON)");
  }
  if (sealed.format !== BACKUP_FORMAT) throw new Error(`not a state backup of format ${BACKUP_FORMAT}`);
  const decipher = createDecipheriv(
    "aes-256-gcm",
    key(passphrase, Buffer.from(sealed.salt, "base64")),
    Buffer.from(sealed.iv, "base64"),
  );
  decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, "base64")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new Error("cannot decrypt: wrong STATE_BACKUP_PASSPHRASE, or the file was changed");
  }
}
