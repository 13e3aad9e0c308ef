import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { SNSClient } from "@aws-sdk/client-sns";
import type { SQSClient } from "@aws-sdk/client-sqs";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { KinesisClient } from "@aws-sdk/client-kinesis";

/**
 * SDK clients, loaded and created on first use and then reused for the life of the container.
 * The dynamic imports keep each SDK package out of module init (esbuild wraps them lazily), so a
 * cold start only pays for the clients the first turn needs. `maxAttempts: 1`: cockatiel owns
 * retries, so they do not multiply.
 */
let dynamo: Promise<DynamoDBDocumentClient> | undefined;
let sns: Promise<SNSClient> | undefined;
let bedrock: Promise<BedrockRuntimeClient> | undefined;
let secrets: Promise<SecretsManagerClient> | undefined;
let sqs: Promise<SQSClient> | undefined;
let kinesis: Promise<KinesisClient> | undefined;

export function documentClient(): Promise<DynamoDBDocumentClient> {
  dynamo ??= Promise.all([import("@aws-sdk/client-dynamodb"), import("@aws-sdk/lib-dynamodb")]).then(
    ([ddb, lib]) =>
      lib.DynamoDBDocumentClient.from(new ddb.DynamoDBClient({ maxAttempts: 1 }), {
        marshallOptions: { removeUndefinedValues: true },
      }),
  );
  return dynamo;
}

export function snsClient(): Promise<SNSClient> {
  sns ??= import("@aws-sdk/client-sns").then((m) => new m.SNSClient({ maxAttempts: 1 }));
  return sns;
}

/** Bedrock runs in its own region (model availability); the guardrail must live there too. */
export function bedrockClient(region?: string): Promise<BedrockRuntimeClient> {
  bedrock ??= import("@aws-sdk/client-bedrock-runtime").then(
    (m) => new m.BedrockRuntimeClient({ maxAttempts: 1, ...(region ? { region } : {}) }),
  );
  return bedrock;
}

export function secretsClient(): Promise<SecretsManagerClient> {
  secrets ??= import("@aws-sdk/client-secrets-manager").then(
    (m) => new m.SecretsManagerClient({ maxAttempts: 1 }),
  );
  return secrets;
}

/** Only a fraud alert the topic refused ever loads this one. */
export function sqsClient(): Promise<SQSClient> {
  sqs ??= import("@aws-sdk/client-sqs").then((m) => new m.SQSClient({ maxAttempts: 1 }));
  return sqs;
}

/**
 * HTTP/1.1 like the other clients: the Kinesis client defaults to HTTP/2 for SubscribeToShard,
 * which this function never calls, and one keep-alive connection serves PutRecords well.
 */
export function kinesisClient(): Promise<KinesisClient> {
  kinesis ??= Promise.all([import("@aws-sdk/client-kinesis"), import("@smithy/node-http-handler")]).then(
    ([m, http]) => new m.KinesisClient({ maxAttempts: 1, requestHandler: new http.NodeHttpHandler() }),
  );
  return kinesis;
}
