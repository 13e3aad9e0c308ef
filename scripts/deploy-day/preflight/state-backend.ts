/**
 * The S3 state backend before terraform touches it: the bucket exists in the deploying account,
 * keeps every version of the state, encrypts it, and no lock is held. Read-only: the lock is
 * checked by looking for a held lock (the S3 lock file or the DynamoDB lock item), not by taking it.
 */
import { DescribeTableCommand, DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import {
  GetBucketEncryptionCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { errorName, fail, pass, skip, type Check, type CheckResult } from "../check";
import type { DeployDayContext } from "../context";

type S3Backend = Extract<DeployDayContext["config"]["backend"], { type: "s3" }>;

const httpStatus = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const isNotFound = (error: unknown) =>
  ["NotFound", "NoSuchKey", "NoSuchBucket"].includes(errorName(error) ?? "") || httpStatus(error) === 404;

async function bucketChecks(ctx: DeployDayContext, backend: S3Backend): Promise<CheckResult[]> {
  const s3 = ctx.aws.client(S3Client, backend.region);
  const where = `s3://${backend.bucket}`;
  const { account } = await ctx.identity();
  try {
    // HeadBucket: 200, or 404 (no such bucket) / 403 (not ours, or not allowed) (S3 API reference).
    await s3.send(new HeadBucketCommand({ Bucket: backend.bucket, ExpectedBucketOwner: account }));
  } catch (error) {
    const missing = isNotFound(error);
    return [
      fail(
        "state-bucket",
        missing
          ? `${where} does not exist`
          : `${where} is not reachable as account ${account} (${errorName(error)}, HTTP ${httpStatus(error) ?? "?"})`,
        missing
          ? `create it in ${backend.region} with versioning and default encryption before the first deploy (docs/deploy-day.md)`
          : `the bucket belongs to another account or these credentials may not s3:ListBucket it: use the ${ctx.env} account`,
      ),
    ];
  }
  const results = [pass("state-bucket", `${where} exists in ${backend.region}, owned by ${account}`)];
  // GetBucketVersioning response: Status Enabled | Suspended, absent when never enabled (S3 API reference).
  const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: backend.bucket }));
  results.push(
    versioning.Status === "Enabled"
      ? pass("state-versioning", `${where} keeps every version of the state`)
      : fail(
          "state-versioning",
          `${where} versioning is ${versioning.Status ?? "off"}: an overwritten state could not be recovered`,
          `aws s3api put-bucket-versioning --bucket ${backend.bucket} --versioning-configuration Status=Enabled`,
        ),
  );
  results.push(await encryptionCheck(s3, backend));
  return results;
}

async function encryptionCheck(s3: S3Client, backend: S3Backend): Promise<CheckResult> {
  const where = `s3://${backend.bucket}`;
  const fix = `aws s3api put-bucket-encryption --bucket ${backend.bucket} --server-side-encryption-configuration '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}'`;
  try {
    // GetBucketEncryption response: ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault (S3 API reference).
    const out = await s3.send(new GetBucketEncryptionCommand({ Bucket: backend.bucket }));
    const algorithms = (out.ServerSideEncryptionConfiguration?.Rules ?? [])
      .map((r) => r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm)
      .filter((a): a is NonNullable<typeof a> => a !== undefined);
    if (algorithms.length === 0)
      return fail("state-encryption", `${where} has no default encryption rule`, fix);
    const key = backend.kmsKeyId ? ` (state objects with ${backend.kmsKeyId})` : "";
    return pass("state-encryption", `${where} encrypts by default with ${algorithms.join(", ")}${key}`);
  } catch (error) {
    if (errorName(error) === "ServerSideEncryptionConfigurationNotFoundError")
      return fail("state-encryption", `${where} has no default encryption`, fix);
    throw error;
  }
}

async function lockCheck(ctx: DeployDayContext, backend: S3Backend): Promise<CheckResult> {
  const unlock =
    "if no apply is running (ask the team), `terraform force-unlock <lock id>` in the stack folder";
  if (backend.dynamodbTable) {
    const dynamo = ctx.aws.client(DynamoDBClient, backend.region);
    // DescribeTable response: Table.TableStatus, Table.KeySchema (DynamoDB API reference).
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: backend.dynamodbTable }));
    const key = Table?.KeySchema?.find((k) => k.KeyType === "HASH")?.AttributeName;
    if (Table?.TableStatus !== "ACTIVE" || key !== "LockID")
      return fail(
        "state-lock",
        `lock table ${backend.dynamodbTable} is ${Table?.TableStatus ?? "missing"} with hash key ${key ?? "none"}; terraform needs an ACTIVE table keyed by LockID (string)`,
        "recreate the table with partition key LockID (S), or switch to backend.useLockfile with terraform >= 1.10",
      );
    const lockId = `${backend.bucket}/${backend.key}`;
    const held = await dynamo.send(
      new GetItemCommand({
        TableName: backend.dynamodbTable,
        Key: { LockID: { S: lockId } },
        ConsistentRead: true,
      }),
    );
    if (held.Item?.Info)
      return fail(
        "state-lock",
        `the state is locked in ${backend.dynamodbTable}: ${held.Item.Info.S ?? "(no info)"}`,
        unlock,
      );
    return pass(
      "state-lock",
      `lock table ${backend.dynamodbTable} is ACTIVE, keyed by LockID, and no lock is held`,
    );
  }
  if (!backend.useLockfile)
    return fail(
      "state-lock",
      "the backend has no lock: two applies could write the state at once",
      "set backend.useLockfile: true (terraform >= 1.10) or backend.dynamodbTable",
    );
  const lockKey = `${backend.key}.tflock`;
  try {
    // HeadObject response: LastModified of the lock file terraform writes while it holds the lock (S3 API reference).
    const head = await ctx.aws
      .client(S3Client, backend.region)
      .send(new HeadObjectCommand({ Bucket: backend.bucket, Key: lockKey }));
    return fail(
      "state-lock",
      `s3://${backend.bucket}/${lockKey} exists since ${head.LastModified?.toISOString() ?? "?"}: the state is locked`,
      unlock,
    );
  } catch (error) {
    if (isNotFound(error)) return pass("state-lock", `S3-native lock (${lockKey}): no lock is held`);
    throw error;
  }
}

export const stateBackendCheck: Check<DeployDayContext> = {
  id: "state-backend",
  title: "the state backend exists, is versioned and encrypted, and is not locked",
  async run(ctx) {
    const backend = ctx.config.backend;
    if (backend.type !== "s3")
      return skip(
        "state-backend",
        "local state (this environment keeps it on this machine)",
        "back it up before deploying: npm run state:backup",
      );
    const results = await bucketChecks(ctx, backend);
    if (results.some((r) => r.id === "state-bucket" && r.status === "FAIL")) return results;
    return [...results, await lockCheck(ctx, backend)];
  },
};
