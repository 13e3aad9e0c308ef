/**
 * The guide's restore from backup, as steps: back up the state as it is now, fetch the chosen
 * backup into an owner-only temporary file, `terraform state push` it, remove the file. Terraform
 * refuses to push a state older than the current one (a lower serial) unless forced: restoring a
 * backup usually means exactly that, so `--force` is the operator's explicit decision.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { shellLine, type Step } from "../steps";
import { backupSteps, terraformIn, type BackupRecord, type StateOps } from "./backup";
import { openState } from "./local-crypto";
import { backupPlace } from "./where";

/** Backups of the environment, newest first: S3 keys or local files. */
export async function listBackups(ops: StateOps): Promise<string[]> {
  const place = backupPlace(ops.config, ops.stackName, ops.localBackupDir);
  if (place.type === "local") {
    try {
      return readdirSync(place.dir)
        .filter((f) => f.endsWith(".tfstate.enc"))
        .sort()
        .reverse();
    } catch {
      return [];
    }
  }
  const s3 = ops.aws.client(S3Client, place.region);
  const keys: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    // ListObjectsV2 response: Contents[].Key, NextContinuationToken (S3 API reference).
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: place.bucket, Prefix: place.prefix, ContinuationToken }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key ?? "").filter((k) => k.endsWith(".tfstate")));
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return keys.sort().reverse();
}

/** The steps of a restore of `from` (a key or name of `listBackups`) through `workFile`. */
export function restoreSteps(ops: StateOps, from: string, workFile: string, force: boolean): Step[] {
  const place = backupPlace(ops.config, ops.stackName, ops.localBackupDir);
  const before: BackupRecord = {};
  const fetch: Step =
    place.type === "s3"
      ? (() => {
          const key = from.startsWith(place.prefix) ? from : `${place.prefix}${from}`;
          return {
            why: "fetch the backup into an owner-only temporary file",
            command: () =>
              shellLine(["aws", "s3api", "get-object", "--bucket", place.bucket, "--key", key, workFile]),
            run: async () => {
              // GetObject response: Body (S3 API reference).
              const out = await ops.aws
                .client(S3Client, place.region)
                .send(new GetObjectCommand({ Bucket: place.bucket, Key: key }));
              const body = await out.Body?.transformToString("utf8");
              if (!body) throw new Error(`s3://${place.bucket}/${key} is empty`);
              writeFileSync(workFile, body, { mode: 0o600 });
            },
          };
        })()
      : (() => {
          const file = isAbsolute(from) ? from : resolve(place.dir, from);
          return {
            why: "decrypt the backup into an owner-only temporary file",
            command: () => `decrypt ${file} > ${workFile}`,
            run: async () => {
              if (!ops.passphrase)
                throw new Error("set STATE_BACKUP_PASSPHRASE: local backups are encrypted with it");
              writeFileSync(workFile, openState(readFileSync(file, "utf8"), ops.passphrase), { mode: 0o600 });
            },
          };
        })();
  const args = ["state", "push", ...(force ? ["-force"] : []), workFile];
  return [
    ...backupSteps(ops, before, "before-restore"),
    fetch,
    {
      why: force
        ? "replace the backend's state with the backup (forced: older serials allowed)"
        : "replace the backend's state with the backup (terraform refuses an older serial or another lineage)",
      command: () => shellLine([ops.terraform, `-chdir=${ops.stackDir}`, ...args]),
      run: async () => void (await terraformIn(ops, args)),
    },
    {
      why: "remove the temporary copy",
      command: () => shellLine(["rm", "-f", workFile]),
      run: async () => rmSync(workFile, { force: true }),
    },
  ];
}

/** Where the restore stages the backup: a fresh owner-only folder. */
export const workFileIn = (dir: string) => join(dir, "restore.tfstate");
