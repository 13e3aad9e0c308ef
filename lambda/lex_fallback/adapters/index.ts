import type { LambdaConfig } from "../config";
import type { Ports } from "../ports";
import { remotePolicy } from "../shared/resilience";
import { BedrockLlm } from "./bedrock-llm";
import { bedrockClient, documentClient, secretsClient, snsClient } from "./clients";
import { DynamoAuthStore } from "./dynamo-auth-store";
import { DynamoCallbackQueue } from "./dynamo-callback-queue";
import { DynamoSecurityEvents } from "./dynamo-security-events";
import { HttpBankingApi } from "./http-banking-api";
import { SecretCache } from "./secret-cache";
import { SnsNotifier } from "./sns-notifier";

/**
 * Real ports for the deployed function. Per-attempt timeouts and attempts are sized so the
 * slowest sensitive turn (session read, lock read, PIN check, two writes, one banking call)
 * stays inside the 2.8 s turn budget when dependencies are healthy, and fails fast when not.
 */
export function createPorts(config: LambdaConfig): Ports {
  const now = () => new Date();
  const dynamo = remotePolicy({ timeoutMs: 300, attempts: 3, initialDelayMs: 25 });
  const secrets = new SecretCache(secretsClient, remotePolicy({ timeoutMs: 800, attempts: 2 }));
  const guardrail =
    config.guardrailId !== undefined && config.guardrailVersion !== undefined
      ? { id: config.guardrailId, version: config.guardrailVersion }
      : undefined;
  return {
    banking: new HttpBankingApi(
      config.bankingApiUrl,
      () => secrets.get(config.bankingApiSecretId),
      remotePolicy({ timeoutMs: 1200, attempts: 2 }),
    ),
    auth: new DynamoAuthStore(config.authStateTable, documentClient, dynamo, now),
    callbacks: new DynamoCallbackQueue(
      config.callbackTable,
      config.callbackTtlDays,
      documentClient,
      dynamo,
      now,
    ),
    security: new DynamoSecurityEvents(
      config.securityEventsTable,
      config.securityEventTtlDays,
      documentClient,
      dynamo,
      now,
    ),
    notifier: new SnsNotifier(
      config.fraudTopicArn,
      config.authPushTopicArn,
      snsClient,
      remotePolicy({ timeoutMs: 500, attempts: 3 }),
    ),
    llm: new BedrockLlm(
      config.bedrockModelId,
      guardrail,
      () => bedrockClient(config.bedrockRegion),
      remotePolicy({ timeoutMs: 1800, attempts: 1, breakAfter: 3 }),
    ),
    now,
  };
}
