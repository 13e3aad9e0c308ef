import type { LambdaConfig } from "../config";
import type { Ports } from "../ports";
import { remotePolicy, type RemotePolicyOptions } from "../shared/resilience";
import { BedrockLlm } from "./bedrock-llm";
import { STDOUT_METRICS, emitInsightDelivery } from "../shared/metrics";
import type { MetricLog } from "../ports";
import { bedrockClient, documentClient, kinesisClient, secretsClient, snsClient, sqsClient } from "./clients";
import { EncryptedPinInput, PLAIN_PIN_INPUT } from "./connect-pin-input";
import { DynamoAuthStore } from "./dynamo-auth-store";
import { DynamoCallbackQueue } from "./dynamo-callback-queue";
import { DynamoRateLimits } from "./dynamo-rate-limits";
import { DynamoSecurityEvents } from "./dynamo-security-events";
import { HttpBankingApi } from "./http-banking-api";
import { KinesisInsights, NO_INSIGHTS } from "./kinesis-insights";
import { SecretCache } from "./secret-cache";
import { SnsNotifier } from "./sns-notifier";
import { SqsFraudBackup } from "./sqs-fraud-backup";

export type Dependency = "dynamo" | "secrets" | "banking" | "sns" | "sqs" | "bedrock" | "kinesis";

/**
 * Per-attempt timeouts and attempts, sized so the slowest sensitive turn (session read, lock
 * read, attempt reservation, PIN check, two writes, one banking call) stays inside the 2.8 s turn
 * budget when dependencies are healthy, and fails fast when not. Under load a per-attempt timeout
 * follows the operation's latency up to three times these (shared/resilience.ts): answers slow
 * down, and the turn budget, not a per-try limit, decides when one fails. Timeouts are retried and
 * count towards the operation's breaker; SDK loading and client creation happen before the timeout
 * starts.
 */
export const DEPLOYED_TIMING: Readonly<Record<Dependency, RemotePolicyOptions>> = {
  dynamo: { timeoutMs: 300, attempts: 3, initialDelayMs: 25 },
  secrets: { timeoutMs: 800, attempts: 2 },
  banking: { timeoutMs: 1200, attempts: 2 },
  sns: { timeoutMs: 500, attempts: 3 },
  sqs: { timeoutMs: 400, attempts: 2 },
  bedrock: { timeoutMs: 1800, attempts: 1, breakAfter: 3 },
  // Off the reply path: one short try per flush; what fails goes with the next turn's flush.
  kinesis: { timeoutMs: 500, attempts: 1, breakAfter: 5, halfOpenAfterMs: 30_000 },
};

/**
 * Real ports for the deployed function; `timing` differs only where a test runs many containers on
 * one machine, `metrics` where a test reads the metrics instead of printing them.
 */
export function createPorts(
  config: LambdaConfig,
  timing = DEPLOYED_TIMING,
  metrics: MetricLog = STDOUT_METRICS,
): Ports {
  const now = () => new Date();
  // One breaker per table (and per bank endpoint, in HttpBankingApi): a table that fails stops only
  // the turns that need it.
  const dynamo = remotePolicy(timing.dynamo, "dynamo");
  const secrets = new SecretCache(secretsClient, remotePolicy(timing.secrets, "secrets"));
  const guardrail =
    config.guardrailId !== undefined && config.guardrailVersion !== undefined
      ? { id: config.guardrailId, version: config.guardrailVersion }
      : undefined;
  return {
    banking: new HttpBankingApi(
      config.bankingApiUrl,
      () => secrets.get(config.bankingApiSecretId),
      remotePolicy(timing.banking, "banking"),
    ),
    auth: new DynamoAuthStore(config.authStateTable, documentClient, dynamo.operation("auth-state"), now),
    callbacks: new DynamoCallbackQueue(
      config.callbackTable,
      config.callbackTtlDays,
      documentClient,
      dynamo.operation("callbacks"),
      now,
    ),
    security: new DynamoSecurityEvents(
      config.securityEventsTable,
      config.securityEventTtlDays,
      documentClient,
      dynamo.operation("security-events"),
      now,
    ),
    notifier: new SnsNotifier(
      config.fraudTopicArn,
      config.authPushTopicArn,
      snsClient,
      remotePolicy(timing.sns, "sns"),
    ),
    limits: new DynamoRateLimits(
      config.authStateTable,
      documentClient,
      dynamo.operation("rate-limits"),
      now,
      config.rateLimits,
    ),
    fraudBackup: new SqsFraudBackup(config.fraudBackupQueueUrl, sqsClient, remotePolicy(timing.sqs, "sqs")),
    llm: new BedrockLlm(
      config.bedrockModelId,
      guardrail,
      () => bedrockClient(config.bedrockRegion),
      remotePolicy(timing.bedrock, "bedrock"),
    ),
    insights:
      config.aiInsightsStreamName === undefined
        ? NO_INSIGHTS
        : new KinesisInsights(
            config.aiInsightsStreamName,
            kinesisClient,
            remotePolicy(timing.kinesis, "kinesis"),
            (counts) => emitInsightDelivery(metrics, config.aiMetricsNamespace, counts),
          ),
    pinInput: config.pinEncryption
      ? new EncryptedPinInput(config.pinEncryption.keyId, config.pinEncryption.privateKeySecretId, secrets)
      : PLAIN_PIN_INPUT,
    metrics,
    now,
  };
}
