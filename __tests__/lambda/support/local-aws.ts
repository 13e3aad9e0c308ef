import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  waitUntilStreamExists,
} from "@aws-sdk/client-kinesis";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { TABLE_SPECS, type SecurityTableKey } from "../../../constructs/security/table-specs";
import { FIXTURE_CUSTOMER_ID_ENV } from "./customer-ids";

export const REGION = "eu-west-2";
const CREDENTIALS = { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-test-secret" };
export const TABLE_PREFIX = "it";

/** Physical name of a table as SecurityTables names it for the prefix `it`. */
export function tableName(key: SecurityTableKey): string {
  return `${TABLE_PREFIX}-${TABLE_SPECS[key].suffix}`;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

export interface LocalDynamo {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
  close(): Promise<void>;
}

/**
 * dynalite (a real DynamoDB implementation, in memory) in its own process, as DynamoDB is to the
 * Lambda, on a free loopback port, with the tables created from TABLE_SPECS, the definitions the
 * SecurityTables construct synthesizes. dynalite has no UpdateTimeToLive and never expires items:
 * the adapters' own expiry checks are what is tested.
 */
export async function startDynamo(tables: readonly SecurityTableKey[]): Promise<LocalDynamo> {
  const script = `const s = require(${JSON.stringify(require.resolve("dynalite"))})({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
s.listen(0, "127.0.0.1", () => process.stdout.write(s.address().port + "\\n"));
process.stdin.on("end", () => process.exit(0)).resume();`;
  // stdin stays open while the test runs: if the test process dies, dynalite exits with it.
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const [port] = (await once(child.stdout, "data")) as [Buffer];
  const endpoint = `http://127.0.0.1:${port.toString().trim()}`;
  const client = new DynamoDBClient({ endpoint, region: REGION, credentials: CREDENTIALS });
  for (const key of tables) {
    const spec = TABLE_SPECS[key];
    const keys = [spec.partitionKey, ...(spec.sortKey ? [spec.sortKey] : [])];
    await client.send(
      new CreateTableCommand({
        TableName: tableName(key),
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? "HASH" : "RANGE" })),
        AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type ?? "S" })),
      }),
    );
  }
  return {
    endpoint,
    client,
    doc: DynamoDBDocumentClient.from(client),
    close: async () => {
      client.destroy();
      const exited = once(child, "exit");
      child.stdin.end();
      await exited;
    },
  };
}

export interface LocalKinesis {
  readonly endpoint: string;
  readonly client: KinesisClient;
  /** Creates a one-shard stream and waits until it is ACTIVE. */
  createStream(name: string): Promise<void>;
  /** Every record of the stream's first shard, oldest first, as text. */
  readAll(name: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * kinesalite (a real Kinesis implementation, in memory) in its own process, like dynalite. It
 * speaks HTTP/1.1 only; the function's Kinesis client uses HTTP/1.1 too.
 */
export async function startKinesis(): Promise<LocalKinesis> {
  const script = `const s = require(${JSON.stringify(require.resolve("kinesalite"))})({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 50 });
s.listen(0, "127.0.0.1", () => process.stdout.write(s.address().port + "\\n"));
process.stdin.on("end", () => process.exit(0)).resume();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const [port] = (await once(child.stdout, "data")) as [Buffer];
  const endpoint = `http://127.0.0.1:${port.toString().trim()}`;
  const client = new KinesisClient({
    endpoint,
    region: REGION,
    credentials: CREDENTIALS,
    requestHandler: new NodeHttpHandler(),
  });
  return {
    endpoint,
    client,
    createStream: async (name) => {
      await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
      await waitUntilStreamExists({ client, maxWaitTime: 10, minDelay: 0.1 }, { StreamName: name });
    },
    readAll: async (name) => {
      const { Shards } = await client.send(new ListShardsCommand({ StreamName: name }));
      const { ShardIterator } = await client.send(
        new GetShardIteratorCommand({
          StreamName: name,
          ShardId: Shards![0]!.ShardId,
          ShardIteratorType: "TRIM_HORIZON",
        }),
      );
      const { Records } = await client.send(new GetRecordsCommand({ ShardIterator }));
      return (Records ?? []).map((r) => Buffer.from(r.Data!).toString("utf8"));
    },
    close: async () => {
      client.destroy();
      const exited = once(child, "exit");
      child.stdin.end();
      await exited;
    },
  };
}

export type Route = (request: IncomingMessage, body: string, response: ServerResponse) => boolean;

export interface FakeServices {
  readonly endpoint: string;
  /** Base URL of the banking API stand-in. */
  readonly bankUrl: string;
  /** PIN verifications the bank received, by customer id. */
  readonly pinChecks: Map<string, number>;
  close(): Promise<void>;
}

export const BANK_API_KEY = "local-bank-key";

/**
 * One loopback HTTP server standing in for the banking API (`/bank/...`, customer c-123 with PIN
 * 4321, counting every PIN verification) and for Secrets Manager (the bank's API key). `extra`
 * routes answer other AWS APIs a test needs (SNS, SQS) before the default 400.
 */
export async function startServices(
  options: { extra?: Route; pinDelayMs?: number } = {},
): Promise<FakeServices> {
  const pinChecks = new Map<string, number>();
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const url = request.url ?? "";
      const json = (status: number, value: unknown, type = "application/json") => {
        response.writeHead(status, { "content-type": type });
        response.end(JSON.stringify(value));
      };
      if (url.startsWith("/bank/")) {
        if (request.headers["x-api-key"] !== BANK_API_KEY) return json(401, { message: "bad key" });
        const pin = /^\/bank\/customers\/([^/]+)\/pin\/verify$/.exec(url);
        if (pin !== null) {
          const customer = decodeURIComponent(pin[1]!);
          pinChecks.set(customer, (pinChecks.get(customer) ?? 0) + 1);
          const valid = customer === "c-123" && JSON.parse(body).pin === "4321";
          setTimeout(() => json(200, { valid }), options.pinDelayMs ?? 0);
          return;
        }
        if (/\/accounts\/\w+\/balance$/.test(url)) {
          return json(200, { available: 1024.5, current: 1100, currency: "GBP", accountLast4: "1234" });
        }
        return json(404, { message: "not found" });
      }
      if (request.headers["x-amz-target"] === "secretsmanager.GetSecretValue") {
        const { SecretId } = JSON.parse(body) as { SecretId: string };
        return json(
          200,
          { ARN: SecretId, Name: "bank", SecretString: BANK_API_KEY, VersionId: "v1" },
          "application/x-amz-json-1.1",
        );
      }
      if (options.extra?.(request, body, response)) return;
      json(400, { message: `no stand-in for ${request.method} ${url}` });
    });
  });
  const endpoint = await listen(server);
  return { endpoint, bankUrl: `${endpoint}/bank`, pinChecks, close: () => close(server) };
}

/**
 * Environment of the deployed function, pointing every SDK client at the local stand-ins
 * (the SDK reads AWS_ENDPOINT_URL_<SERVICE>).
 */
export function lambdaEnv(dynamo: LocalDynamo, services: FakeServices): Record<string, string> {
  return {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: services.endpoint,
    AWS_ENDPOINT_URL_SNS: services.endpoint,
    AWS_ENDPOINT_URL_SQS: services.endpoint,
    AUTH_STATE_TABLE_NAME: tableName("authState"),
    SECURITY_EVENTS_TABLE_NAME: tableName("securityEvents"),
    CALLBACK_TABLE_NAME: tableName("callbacks"),
    FRAUD_ALERT_TOPIC_ARN: `arn:aws:sns:${REGION}:111122223333:fraud`,
    BANKING_API_URL: services.bankUrl,
    BANKING_API_SECRET_ID: `arn:aws:secretsmanager:${REGION}:111122223333:secret:bank`,
    BEDROCK_MODEL_ID: "model",
    POWERTOOLS_LOG_LEVEL: "ERROR",
    AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: "1",
    ...FIXTURE_CUSTOMER_ID_ENV,
  };
}
