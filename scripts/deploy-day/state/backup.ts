/**
 * `terraform state pull` to a dated, encrypted place (state/where.ts says where and why), as steps
 * that print the command they run. The pulled state stays in memory on its way to S3.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { StackConfig } from "../../../config/schema";
import type { AwsClients, RunProgram } from "../context";
import { shellLine, type Step } from "../steps";
import { sealState } from "./local-crypto";
import { backupPlace, stamp, type BackupPlace } from "./where";

export interface StateOps {
  readonly config: StackConfig;
  readonly stackName: string;
  /** The synthesized stack's folder, where cdktf runs terraform (cdktf.out/stacks/<stack>). */
  readonly stackDir: string;
  /** Where local-backend backups go (a folder per stack below it). */
  readonly localBackupDir: string;
  readonly aws: AwsClients;
  readonly run: RunProgram;
  readonly now: () => Date;
  /** STATE_BACKUP_PASSPHRASE: encrypts local backups. */
  readonly passphrase?: string;
  /** terraform's path (TERRAFORM, else on PATH). */
  readonly terraform: string;
}

/** What the steps found and wrote, filled in as they run. */
export interface BackupRecord {
  state?: string;
  serial?: number;
  lineage?: string;
  /** s3://bucket/key or the local file. */
  location?: string;
}

export async function terraformIn(ops: StateOps, args: readonly string[]): Promise<string> {
  const result = await ops.run(ops.terraform, [`-chdir=${ops.stackDir}`, ...args]);
  if (result.code === undefined)
    throw new Error(`${ops.terraform} not found: install terraform or set TERRAFORM`);
  if (result.code !== 0)
    throw new Error(`terraform ${args.join(" ")} failed: ${result.stderr.trim() || result.stdout.trim()}`);
  return result.stdout;
}

/** `terraform init` when the stack folder was never initialised (cdktf diff/deploy do it too). */
export function initStep(ops: StateOps): Step[] {
  if (existsSync(join(ops.stackDir, ".terraform"))) return [];
  return [
    {
      why: "the stack folder was never initialised: connect it to its backend (reads only)",
      command: () => shellLine([ops.terraform, `-chdir=${ops.stackDir}`, "init", "-input=false"]),
      run: async () => void (await terraformIn(ops, ["init", "-input=false"])),
    },
  ];
}

export function pullStep(ops: StateOps, record: BackupRecord): Step {
  return {
    why: "read the current state from the backend",
    command: () => shellLine([ops.terraform, `-chdir=${ops.stackDir}`, "state", "pull"]),
    run: async () => {
      const state = await terraformIn(ops, ["state", "pull"]);
      if (state.trim() === "") return;
      const parsed = JSON.parse(state) as { serial?: unknown; lineage?: unknown };
      if (typeof parsed.serial !== "number" || typeof parsed.lineage !== "string")
        throw new Error("terraform state pull returned no state (no serial or lineage)");
      Object.assign(record, { state, serial: parsed.serial, lineage: parsed.lineage });
    },
  };
}

function s3Steps(
  ops: StateOps,
  place: Extract<BackupPlace, { type: "s3" }>,
  key: string,
  record: BackupRecord,
): Step[] {
  const s3 = () => ops.aws.client(S3Client, place.region);
  const kms = place.kmsKeyId ? ["--ssekms-key-id", place.kmsKeyId] : [];
  return [
    {
      why: `store it, encrypted with SSE-KMS, never overwriting (AWS SDK PutObject; the state stays in memory)`,
      command: () =>
        shellLine([
          "aws",
          "s3api",
          "put-object",
          "--bucket",
          place.bucket,
          "--key",
          key,
          "--body",
          "<state pulled above>",
          "--server-side-encryption",
          "aws:kms",
          ...kms,
          "--if-none-match",
          "*",
          "--metadata",
          `serial=${record.serial ?? "<serial>"},lineage=${record.lineage ?? "<lineage>"}`,
        ]),
      run: async () => {
        if (record.state === undefined) return;
        await s3().send(
          new PutObjectCommand({
            Bucket: place.bucket,
            Key: key,
            Body: record.state,
            ContentType: "application/json",
            ServerSideEncryption: "aws:kms",
            ...(place.kmsKeyId ? { SSEKMSKeyId: place.kmsKeyId } : {}),
            IfNoneMatch: "*",
            Metadata: { serial: String(record.serial), lineage: String(record.lineage) },
          }),
        );
        record.location = `s3://${place.bucket}/${key}`;
      },
    },
    {
      why: "check it landed encrypted with KMS and whole",
      command: () => shellLine(["aws", "s3api", "head-object", "--bucket", place.bucket, "--key", key]),
      run: async () => {
        if (record.state === undefined) return;
        // HeadObject response: ServerSideEncryption, ContentLength (S3 API reference).
        const head = await s3().send(new HeadObjectCommand({ Bucket: place.bucket, Key: key }));
        if (head.ServerSideEncryption !== "aws:kms")
          throw new Error(
            `s3://${place.bucket}/${key} is stored with ${head.ServerSideEncryption ?? "no"} encryption, not aws:kms`,
          );
        if (head.ContentLength !== Buffer.byteLength(record.state))
          throw new Error(
            `s3://${place.bucket}/${key} holds ${head.ContentLength ?? 0} bytes, the state ${Buffer.byteLength(record.state)}`,
          );
      },
    },
  ];
}

function localSteps(
  ops: StateOps,
  place: Extract<BackupPlace, { type: "local" }>,
  file: string,
  record: BackupRecord,
): Step[] {
  const path = resolve(place.dir, `${file}.enc`);
  return [
    {
      why: "store it next to the local state, AES-256-GCM under STATE_BACKUP_PASSPHRASE (owner-only file)",
      command: () => `encrypt <state pulled above> > ${path}`,
      run: async () => {
        if (record.state === undefined) return;
        if (!ops.passphrase)
          throw new Error("set STATE_BACKUP_PASSPHRASE: local backups are encrypted with it");
        mkdirSync(place.dir, { recursive: true, mode: 0o700 });
        writeFileSync(path, sealState(record.state, ops.passphrase), { mode: 0o600, flag: "wx" });
        record.location = path;
      },
    },
  ];
}

/** The steps of one backup; `label` marks why it was taken (`before-restore`). */
export function backupSteps(ops: StateOps, record: BackupRecord, label?: string): Step[] {
  const place = backupPlace(ops.config, ops.stackName, ops.localBackupDir);
  const name = `${stamp(ops.now())}${label ? `-${label}` : ""}.tfstate`;
  return [
    ...initStep(ops),
    pullStep(ops, record),
    ...(place.type === "s3"
      ? s3Steps(ops, place, `${place.prefix}${name}`, record)
      : localSteps(ops, place, name, record)),
  ];
}
