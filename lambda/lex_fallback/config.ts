import * as z from "zod/mini";
import { customerIdFormatFromEnv, type CustomerIdFormat } from "../shared/customer-id";

/** Runtime settings from the function's environment (names set by the LexFallbackLambda construct). */
export interface LambdaConfig {
  readonly authStateTable: string;
  readonly securityEventsTable: string;
  /** Callback-request table (hash `callback_id`, range `requested_at`), written by the Connect path. */
  readonly callbackTable: string;
  readonly fraudTopicArn: string;
  /** SQS queue (URL) that keeps fraud alerts the topic refused; empty means none, and such alerts are lost. */
  readonly fraudBackupQueueUrl: string;
  /** Companion-app push topic; the companion path is off without it. */
  readonly authPushTopicArn: string | undefined;
  readonly bankingApiUrl: string;
  readonly bankingApiSecretId: string;
  readonly bedrockModelId: string;
  /** Region of the Converse calls (the guardrail lives there). @default the function's own region */
  readonly bedrockRegion: string | undefined;
  readonly guardrailId: string | undefined;
  readonly guardrailVersion: string | undefined;
  /** Below this NLU confidence a first turn goes to the LLM fallback. */
  readonly confidenceThreshold: number;
  /** Wall-clock budget of one turn in ms, well under the Lex code-hook limit. */
  readonly turnBudgetMs: number;
  readonly fraudQueue: string;
  readonly agentQueue: string;
  /** Specialist queue for account servicing (wire transfers). */
  readonly accountsQueue: string;
  /** Specialist queue for lending (loan applications). */
  readonly lendingQueue: string;
  /** Days security events are kept (DynamoDB TTL); config `security.securityEventTtlDays`. */
  readonly securityEventTtlDays: number;
  /** Failed PINs that lock the customer out; config `security.maxPinAttempts`. */
  readonly maxPinAttempts: number;
  /** Days a callback request is kept (DynamoDB TTL); the original kept them a week. */
  readonly callbackTtlDays: number;
  /** CloudWatch namespace of the AI metrics (EMF); the construct passes config's aiMetricsNamespace. */
  readonly aiMetricsNamespace: string;
  /** Kinesis stream of the AI insight records (one per turn); none are written without it. */
  readonly aiInsightsStreamName: string | undefined;
  /**
   * Encrypted PIN entry: the flow's InputEncryption key id and the secret holding the matching
   * RSA private key (PEM). Both set, or PINs from the flows are taken as plain digits.
   */
  readonly pinEncryption: { readonly keyId: string; readonly privateKeySecretId: string } | undefined;
  /** How a claimed customer id is made canonical before it keys lockout, limits or events (config security.customerIdFormat). */
  readonly customerIdFormat: CustomerIdFormat;
  /** Sensitive operations and model questions per window; config `security.rateLimits`. */
  readonly rateLimits: RateLimitPolicy;
}

/**
 * Uses allowed per fixed window, per contact and per customer (config `security.rateLimits`).
 * `sensitive` counts sensitive OPERATIONS, not turns: each bank call about a customer's money made
 * for a sensitive intent, and each companion-app push. Prompts, slot questions, confirmations and
 * PIN checks (bounded by the lockout) are free, so an ordinary call uses a handful. `llm` counts
 * questions sent to the model.
 */
export interface RateLimitPolicy {
  readonly windowSeconds: number;
  readonly contact: { readonly sensitive: number; readonly llm: number };
  readonly customer: { readonly sensitive: number; readonly llm: number };
}

/** The config defaults (config/schema/security.ts), used when the environment does not say. */
export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  windowSeconds: 15 * 60,
  contact: { sensitive: 20, llm: 10 },
  customer: { sensitive: 40, llm: 20 },
};

const numberIn = (min: number, max: number, fallback: number) =>
  z.catch(z.coerce.number().check(z.minimum(min), z.maximum(max)), fallback);
const text = (fallback: string) => z.catch(z.string(), fallback);
const named = (fallback: string) => z.catch(z.string().check(z.minLength(1)), fallback);
/** Unset, empty or not a string → undefined (the feature it enables stays off). */
const optionalText = z.catch(z.optional(z.string().check(z.minLength(1))), undefined);

const envSchema = z.object({
  AUTH_STATE_TABLE_NAME: text(""),
  SECURITY_EVENTS_TABLE_NAME: text(""),
  CALLBACK_TABLE_NAME: text(""),
  FRAUD_ALERT_TOPIC_ARN: text(""),
  FRAUD_ALERT_BACKUP_QUEUE_URL: text(""),
  AUTH_PUSH_TOPIC_ARN: optionalText,
  BANKING_API_URL: text(""),
  BANKING_API_SECRET_ID: text(""),
  BEDROCK_MODEL_ID: text(""),
  BEDROCK_REGION: optionalText,
  BEDROCK_GUARDRAIL_ID: optionalText,
  BEDROCK_GUARDRAIL_VERSION: optionalText,
  LEX_CONFIDENCE_THRESHOLD: numberIn(0, 1, 0.7),
  TURN_BUDGET_MS: numberIn(500, 8000, 2800),
  FRAUD_QUEUE_NAME: named("FraudQueue"),
  AGENT_QUEUE_NAME: named("GeneralAgentQueue"),
  ACCOUNTS_QUEUE_NAME: named("AccountQueue"),
  LENDING_QUEUE_NAME: named("LendingQueue"),
  // Both set by the construct from config (security.*); the fallbacks are the config defaults.
  SECURITY_EVENT_TTL_DAYS: numberIn(1, 3650, 400),
  MAX_PIN_ATTEMPTS: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10)), 3),
  CALLBACK_TTL_DAYS: numberIn(1, 90, 7),
  // The config default (config/schema/observability.ts), the original's namespace.
  AI_METRICS_NAMESPACE: named("Connect/BedrockMCP"),
  AI_INSIGHTS_STREAM_NAME: optionalText,
  PIN_ENCRYPTION_KEY_ID: optionalText,
  PIN_PRIVATE_KEY_SECRET_ID: optionalText,
  CUSTOMER_ID_FORMAT: optionalText,
  RATE_LIMIT_WINDOW_SECONDS: numberIn(60, 86_400, DEFAULT_RATE_LIMITS.windowSeconds),
  RATE_LIMIT_CONTACT_SENSITIVE: numberIn(1, 10_000, DEFAULT_RATE_LIMITS.contact.sensitive),
  RATE_LIMIT_CONTACT_LLM: numberIn(1, 10_000, DEFAULT_RATE_LIMITS.contact.llm),
  RATE_LIMIT_CUSTOMER_SENSITIVE: numberIn(1, 10_000, DEFAULT_RATE_LIMITS.customer.sensitive),
  RATE_LIMIT_CUSTOMER_LLM: numberIn(1, 10_000, DEFAULT_RATE_LIMITS.customer.llm),
});

/** Never throws: a bad value falls back to its default so the bot keeps answering. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): LambdaConfig {
  const e = envSchema.parse(env);
  return {
    authStateTable: e.AUTH_STATE_TABLE_NAME,
    securityEventsTable: e.SECURITY_EVENTS_TABLE_NAME,
    callbackTable: e.CALLBACK_TABLE_NAME,
    fraudTopicArn: e.FRAUD_ALERT_TOPIC_ARN,
    fraudBackupQueueUrl: e.FRAUD_ALERT_BACKUP_QUEUE_URL,
    authPushTopicArn: e.AUTH_PUSH_TOPIC_ARN,
    bankingApiUrl: e.BANKING_API_URL,
    bankingApiSecretId: e.BANKING_API_SECRET_ID,
    bedrockModelId: e.BEDROCK_MODEL_ID,
    bedrockRegion: e.BEDROCK_REGION,
    guardrailId: e.BEDROCK_GUARDRAIL_ID,
    guardrailVersion: e.BEDROCK_GUARDRAIL_VERSION,
    confidenceThreshold: e.LEX_CONFIDENCE_THRESHOLD,
    turnBudgetMs: e.TURN_BUDGET_MS,
    fraudQueue: e.FRAUD_QUEUE_NAME,
    agentQueue: e.AGENT_QUEUE_NAME,
    accountsQueue: e.ACCOUNTS_QUEUE_NAME,
    lendingQueue: e.LENDING_QUEUE_NAME,
    securityEventTtlDays: e.SECURITY_EVENT_TTL_DAYS,
    maxPinAttempts: e.MAX_PIN_ATTEMPTS,
    callbackTtlDays: e.CALLBACK_TTL_DAYS,
    aiMetricsNamespace: e.AI_METRICS_NAMESPACE,
    aiInsightsStreamName: e.AI_INSIGHTS_STREAM_NAME,
    pinEncryption:
      e.PIN_ENCRYPTION_KEY_ID !== undefined && e.PIN_PRIVATE_KEY_SECRET_ID !== undefined
        ? { keyId: e.PIN_ENCRYPTION_KEY_ID, privateKeySecretId: e.PIN_PRIVATE_KEY_SECRET_ID }
        : undefined,
    customerIdFormat: customerIdFormatFromEnv(e.CUSTOMER_ID_FORMAT),
    rateLimits: {
      windowSeconds: Math.floor(e.RATE_LIMIT_WINDOW_SECONDS),
      contact: {
        sensitive: Math.floor(e.RATE_LIMIT_CONTACT_SENSITIVE),
        llm: Math.floor(e.RATE_LIMIT_CONTACT_LLM),
      },
      customer: {
        sensitive: Math.floor(e.RATE_LIMIT_CUSTOMER_SENSITIVE),
        llm: Math.floor(e.RATE_LIMIT_CUSTOMER_LLM),
      },
    },
  };
}
