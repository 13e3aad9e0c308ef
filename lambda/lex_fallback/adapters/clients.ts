import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * SDK clients, created on first use and reused for the life of the container (cold start only pays
 * for the clients a turn needs). `maxAttempts: 1`: cockatiel owns retries, so they do not multiply.
 */
let dynamo: DynamoDBDocumentClient | undefined;
let sns: SNSClient | undefined;
let bedrock: BedrockRuntimeClient | undefined;
let secrets: SecretsManagerClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 1 }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return dynamo;
}

export function snsClient(): SNSClient {
  sns ??= new SNSClient({ maxAttempts: 1 });
  return sns;
}

export function bedrockClient(): BedrockRuntimeClient {
  bedrock ??= new BedrockRuntimeClient({ maxAttempts: 1 });
  return bedrock;
}

export function secretsClient(): SecretsManagerClient {
  secrets ??= new SecretsManagerClient({ maxAttempts: 1 });
  return secrets;
}
