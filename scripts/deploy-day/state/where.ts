/**
 * Where state backups go, decided by the backend: an S3 backend's backups are objects under
 * `backups/<state key>/` in the state bucket itself, written with SSE-KMS (the bucket is already
 * versioned, access-controlled and in the environment's account; KMS adds a key policy of its own
 * and a CloudTrail record of every decrypt, and no copy of production state lands on a laptop).
 * A local backend (dev) keeps state on this machine already: its backups are files next to it,
 * encrypted with AES-256-GCM under a passphrase (STATE_BACKUP_PASSPHRASE).
 */
import { join } from "node:path";
import type { StackConfig } from "../../../config/schema";

export type BackupPlace =
  | {
      readonly type: "s3";
      readonly bucket: string;
      readonly region: string;
      readonly prefix: string;
      readonly kmsKeyId?: string;
    }
  | { readonly type: "local"; readonly dir: string };

/** `2026-12-06T10-00-00Z`: sorts by time, safe in keys and file names. */
export function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}

export function backupPlace(config: StackConfig, stackName: string, localDir: string): BackupPlace {
  const backend = config.backend;
  if (backend.type === "s3")
    return {
      type: "s3",
      bucket: backend.bucket,
      region: backend.region,
      prefix: `backups/${backend.key}/`,
      ...(backend.kmsKeyId ? { kmsKeyId: backend.kmsKeyId } : {}),
    };
  return { type: "local", dir: join(localDir, stackName) };
}
