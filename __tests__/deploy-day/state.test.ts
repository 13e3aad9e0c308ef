import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { AwsClients } from "../../scripts/deploy-day/context";
import { runSteps } from "../../scripts/deploy-day/steps";
import { backupSteps, type BackupRecord, type StateOps } from "../../scripts/deploy-day/state/backup";
import { openState } from "../../scripts/deploy-day/state/local-crypto";
import { listBackups, restoreSteps, workFileIn } from "../../scripts/deploy-day/state/restore";
import { configFor } from "../support/synth";
import { NOW, programs } from "./support/target";

const s3 = mockClient(S3Client);
const STATE = `${JSON.stringify({ version: 4, terraform_version: "1.10.5", serial: 42, lineage: "5f1c2a7e-aaaa-bbbb-cccc-0123456789ab", outputs: {}, resources: [] }, null, 2)}\n`;
const PREFIX = "backups/connect-comprehensive/prod/terraform.tfstate/";
const KEY = `${PREFIX}2026-12-06T10-00-00Z.tfstate`;

type Answers = Parameters<typeof programs>[0];

/** An environment's state commands over a fresh stack folder; `answers` may replace terraform's. */
function ops(
  env: "prod" | "dev",
  overrides?: unknown,
  answers: (stackDir: string) => Answers = () => ({}),
): StateOps & { calls: string[] } {
  const stackDir = mkdtempSync(join(tmpdir(), "stack-"));
  const run = programs({
    [`terraform -chdir=${stackDir} init -input=false`]: {
      code: 0,
      stdout: "Terraform has been successfully initialized!",
      stderr: "",
    },
    [`terraform -chdir=${stackDir} state pull`]: { code: 0, stdout: STATE, stderr: "" },
    ...answers(stackDir),
  });
  return Object.assign(
    {
      config: configFor(env, overrides),
      stackName: `connect-comprehensive-${env}`,
      stackDir,
      localBackupDir: mkdtempSync(join(tmpdir(), "backups-")),
      aws: new AwsClients(),
      run,
      now: () => NOW,
      terraform: "terraform",
      passphrase: "correct horse battery staple",
    },
    { calls: run.calls },
  );
}

const lines: string[] = [];
const print = (line: string) => void lines.push(line);

beforeEach(() => {
  s3.reset();
  lines.length = 0;
  // HeadObject response (S3 API reference): what PutObject stored.
  s3.on(PutObjectCommand).resolves({ ETag: '"etag"', ServerSideEncryption: "aws:kms" });
  s3.on(HeadObjectCommand).resolves({
    ServerSideEncryption: "aws:kms",
    ContentLength: Buffer.byteLength(STATE),
  });
});

describe("state:backup with the S3 backend (prod)", () => {
  it("--dry-run prints every command and runs none", async () => {
    const o = ops("prod");
    await runSteps(backupSteps(o, {}), true, print);
    expect(lines.filter((l) => l.startsWith("(dry run) $ "))).toStrictEqual([
      `(dry run) $ terraform -chdir=${o.stackDir} init -input=false`,
      `(dry run) $ terraform -chdir=${o.stackDir} state pull`,
      `(dry run) $ aws s3api put-object --bucket connect-comprehensive-tfstate-prod --key ${KEY} --body '<state pulled above>' --server-side-encryption aws:kms --if-none-match '*' --metadata 'serial=<serial>,lineage=<lineage>'`,
      `(dry run) $ aws s3api head-object --bucket connect-comprehensive-tfstate-prod --key ${KEY}`,
    ]);
    expect(o.calls).toStrictEqual([]);
    expect(s3.calls()).toHaveLength(0);
  });

  it("pulls the state and stores it under backups/ with SSE-KMS, never overwriting, then checks it", async () => {
    const o = ops("prod");
    const record: BackupRecord = {};
    await runSteps(backupSteps(o, record), false, print);
    expect(o.calls).toStrictEqual([
      `terraform -chdir=${o.stackDir} init -input=false`,
      `terraform -chdir=${o.stackDir} state pull`,
    ]);
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toStrictEqual({
      Bucket: "connect-comprehensive-tfstate-prod",
      Key: KEY,
      Body: STATE,
      ContentType: "application/json",
      ServerSideEncryption: "aws:kms",
      IfNoneMatch: "*",
      Metadata: { serial: "42", lineage: "5f1c2a7e-aaaa-bbbb-cccc-0123456789ab" },
    });
    expect(record.location).toBe(`s3://connect-comprehensive-tfstate-prod/${KEY}`);
    expect(lines).toContain(
      `$ aws s3api put-object --bucket connect-comprehensive-tfstate-prod --key ${KEY} --body '<state pulled above>' --server-side-encryption aws:kms --if-none-match '*' --metadata serial=42,lineage=5f1c2a7e-aaaa-bbbb-cccc-0123456789ab`,
    );
  });

  it("encrypts with the backend's own KMS key when the config names one", async () => {
    const kmsKeyId = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const o = ops("prod", {
      backend: {
        type: "s3",
        bucket: "connect-comprehensive-tfstate-prod",
        key: "connect-comprehensive/prod/terraform.tfstate",
        region: "eu-west-2",
        kmsKeyId,
      },
    });
    await runSteps(backupSteps(o, {}), false, print);
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.SSEKMSKeyId).toBe(kmsKeyId);
  });

  it("fails when the stored object is not KMS-encrypted", async () => {
    s3.on(HeadObjectCommand).resolves({
      ServerSideEncryption: "AES256",
      ContentLength: Buffer.byteLength(STATE),
    });
    await expect(runSteps(backupSteps(ops("prod"), {}), false, print)).rejects.toThrow(
      /stored with AES256 encryption, not aws:kms/,
    );
  });

  it("fails with terraform's own words when the pull fails", async () => {
    const o = ops("prod", undefined, (dir) => ({
      [`terraform -chdir=${dir} state pull`]: {
        code: 1,
        stdout: "",
        stderr: "Error: error loading state: AccessDenied",
      },
    }));
    await expect(runSteps(backupSteps(o, {}), false, print)).rejects.toThrow(
      /terraform state pull failed: Error: error loading state: AccessDenied/,
    );
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it("stores nothing when there is no state yet", async () => {
    const o = ops("prod", undefined, (dir) => ({
      [`terraform -chdir=${dir} state pull`]: { code: 0, stdout: "", stderr: "" },
    }));
    const record: BackupRecord = {};
    await runSteps(backupSteps(o, record), false, print);
    expect(record.location).toBeUndefined();
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});

describe("state:backup with the local backend (dev)", () => {
  it("writes an owner-only file, encrypted: the state is not in it, the passphrase opens it", async () => {
    const o = ops("dev");
    const record: BackupRecord = {};
    await runSteps(backupSteps(o, record), false, print);
    const file = record.location!;
    expect(file).toBe(
      join(o.localBackupDir, "connect-comprehensive-dev", "2026-12-06T10-00-00Z.tfstate.enc"),
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = readFileSync(file, "utf8");
    expect(sealed).not.toContain("lineage");
    expect(openState(sealed, "correct horse battery staple")).toBe(STATE);
    expect(() => openState(sealed, "wrong")).toThrow(/wrong STATE_BACKUP_PASSPHRASE/);
  });

  it("refuses to write without a passphrase", async () => {
    const o: StateOps = { ...ops("dev"), passphrase: undefined };
    await expect(runSteps(backupSteps(o, {}), false, print)).rejects.toThrow(/set STATE_BACKUP_PASSPHRASE/);
  });
});

describe("state:restore", () => {
  it("--dry-run prints the guide's steps in order: back up now, fetch, push, clean up", async () => {
    const o = ops("prod");
    const work = workFileIn(mkdtempSync(join(tmpdir(), "restore-")));
    await runSteps(restoreSteps(o, "2026-12-01T09-00-00Z.tfstate", work, true), true, print);
    expect(lines.filter((l) => l.startsWith("(dry run) $ ")).map((l) => l.slice(12))).toStrictEqual([
      `terraform -chdir=${o.stackDir} init -input=false`,
      `terraform -chdir=${o.stackDir} state pull`,
      `aws s3api put-object --bucket connect-comprehensive-tfstate-prod --key ${PREFIX}2026-12-06T10-00-00Z-before-restore.tfstate --body '<state pulled above>' --server-side-encryption aws:kms --if-none-match '*' --metadata 'serial=<serial>,lineage=<lineage>'`,
      `aws s3api head-object --bucket connect-comprehensive-tfstate-prod --key ${PREFIX}2026-12-06T10-00-00Z-before-restore.tfstate`,
      `aws s3api get-object --bucket connect-comprehensive-tfstate-prod --key ${PREFIX}2026-12-01T09-00-00Z.tfstate ${work}`,
      `terraform -chdir=${o.stackDir} state push -force ${work}`,
      `rm -f ${work}`,
    ]);
    expect(o.calls).toStrictEqual([]);
    expect(s3.calls()).toHaveLength(0);
  });

  it("pushes exactly the backup's content and leaves no copy behind", async () => {
    const old = STATE.replace('"serial": 42', '"serial": 40');
    s3.on(GetObjectCommand).resolves({ Body: { transformToString: async () => old } as never });
    const work = workFileIn(mkdtempSync(join(tmpdir(), "restore-")));
    let pushed: string | undefined;
    const o = ops("prod");
    const run = Object.assign(
      async (file: string, args: readonly string[]) => {
        if (args.includes("push")) {
          pushed = readFileSync(work, "utf8");
          expect(statSync(work).mode & 0o777).toBe(0o600);
          return { code: 0, stdout: "", stderr: "" };
        }
        return o.run(file, args);
      },
      { calls: o.calls },
    );
    await runSteps(
      restoreSteps({ ...o, run }, `${PREFIX}2026-12-01T09-00-00Z.tfstate`, work, false),
      false,
      print,
    );
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Key).toBe(
      `${PREFIX}2026-12-06T10-00-00Z-before-restore.tfstate`,
    );
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toStrictEqual({
      Bucket: "connect-comprehensive-tfstate-prod",
      Key: `${PREFIX}2026-12-01T09-00-00Z.tfstate`,
    });
    expect(pushed).toBe(old);
    expect(existsSync(work)).toBe(false);
  });

  it("reports terraform's refusal to push an older state without --force", async () => {
    s3.on(GetObjectCommand).resolves({ Body: { transformToString: async () => STATE } as never });
    const work = workFileIn(mkdtempSync(join(tmpdir(), "restore-")));
    const o = ops("prod", undefined, (dir) => ({
      [`terraform -chdir=${dir} state push ${work}`]: {
        code: 1,
        stdout: "",
        stderr: "Failed to write state: cannot import state with serial 40 over newer state with serial 42",
      },
    }));
    await expect(
      runSteps(restoreSteps(o, "2026-12-01T09-00-00Z.tfstate", work, false), false, print),
    ).rejects.toThrow(/serial 40 over newer state with serial 42/);
  });

  it("lists the backups newest first", async () => {
    // ListObjectsV2 response (S3 API reference).
    s3.on(ListObjectsV2Command).resolves({
      Contents: [
        { Key: `${PREFIX}2026-12-01T09-00-00Z.tfstate` },
        { Key: `${PREFIX}2026-12-06T10-00-00Z-before-restore.tfstate` },
        { Key: `${PREFIX}2026-12-03T08-00-00Z.tfstate` },
      ],
      IsTruncated: false,
    });
    expect(await listBackups(ops("prod"))).toStrictEqual([
      `${PREFIX}2026-12-06T10-00-00Z-before-restore.tfstate`,
      `${PREFIX}2026-12-03T08-00-00Z.tfstate`,
      `${PREFIX}2026-12-01T09-00-00Z.tfstate`,
    ]);
  });

  it("restores a local backup through its passphrase", async () => {
    const o = ops("dev");
    const record: BackupRecord = {};
    await runSteps(backupSteps(o, record), false, print);
    const work = workFileIn(mkdtempSync(join(tmpdir(), "restore-")));
    let pushed: string | undefined;
    const run = Object.assign(
      async (_file: string, args: readonly string[]) => {
        if (args.includes("push")) pushed = readFileSync(work, "utf8");
        return { code: 0, stdout: "", stderr: "" };
      },
      { calls: [] as string[] },
    );
    await runSteps(restoreSteps({ ...o, run }, record.location!, work, true), false, print);
    expect(pushed).toBe(STATE);
  });
});
