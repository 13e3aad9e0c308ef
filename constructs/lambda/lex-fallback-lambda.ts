import { ConnectLambdaFunctionAssociation } from "@cdktf/provider-aws/lib/connect-lambda-function-association";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import {
  customerIdFormatToEnv,
  DEFAULT_CUSTOMER_ID_FORMAT,
  type CustomerIdFormat,
} from "../../lambda/shared/customer-id";
import { NodejsLambda } from "./nodejs-lambda";
import type { LambdaPolicyStatement, LambdaZip, LogRetentionDays, NodejsRuntime } from "./types";

/** Uses per window, as config `security.rateLimits` states them. */
export interface LexFallbackRateLimits {
  readonly windowMinutes: number;
  readonly perContact: { readonly sensitiveOperations: number; readonly modelQuestions: number };
  readonly perCustomer: { readonly sensitiveOperations: number; readonly modelQuestions: number };
}

const DEFAULT_RATE_LIMITS: LexFallbackRateLimits = {
  windowMinutes: 15,
  perContact: { sensitiveOperations: 20, modelQuestions: 10 },
  perCustomer: { sensitiveOperations: 40, modelQuestions: 20 },
};

export interface LexFallbackLambdaProps {
  /** @default "lex-fallback" */
  readonly functionName?: string;
  /** Execution role name (IAM is global: a replica Region's copy needs its own). @default `<functionName>-role` */
  readonly roleName?: string;
  /** Bundle of lambda/lex_fallback (bundleLambda at synth, or a prebuilt zip). */
  readonly code: LambdaZip;
  /** KMS key of the stack: function environment, log group, SNS topics. */
  readonly kmsKeyArn: string;
  /** Auth-state table (hash key request_id, TTL attribute ttl). */
  readonly authStateTableArn: string;
  /** Security-events table (hash customer_id, range timestamp, TTL attribute ttl). */
  readonly securityEventsTableArn: string;
  /** Callback table (hash callback_id, range requested_at, TTL ttl) the flows' request_callback writes. */
  readonly callbackTableArn: string;
  /** SNS topic for fraud alerts. */
  readonly fraudTopicArn: string;
  /**
   * SQS queue (ARN and URL) that keeps fraud alerts the topic refused (FraudBackupQueue).
   * @default undefined - no second channel: such alerts are only logged and alarmed on
   */
  readonly fraudBackupQueue?: { readonly arn: string; readonly url: string };
  /** SNS topic pushing companion-app approval requests; the companion path is off without it. @default undefined */
  readonly authPushTopicArn?: string;
  /** Base URL of the core-banking API (no key in it). */
  readonly bankingApiUrl: string;
  /** Secrets Manager ARN of the banking API key. */
  readonly bankingApiSecretArn: string;
  /** Region of the Converse calls; the guardrail must live there. @default the function's region */
  readonly bedrockRegion?: string;
  /** Bedrock model or inference-profile id used by Converse. */
  readonly bedrockModelId: string;
  /** ARNs IAM must allow for that model (foundation model, and the inference profile if one is used). */
  readonly bedrockModelArns: readonly string[];
  /** Guardrail applied to every Converse call. */
  readonly guardrail: { readonly arn: string; readonly id: string; readonly version: string };
  /** NLU confidence below which a first turn goes to the LLM fallback. @default 0.7 */
  readonly confidenceThreshold?: number;
  /** @default "nodejs22.x" */
  readonly runtime?: NodejsRuntime;
  /** @default 1024 */
  readonly memoryMb?: number;
  /** Hard stop of one invocation, seconds. @default 5 */
  readonly timeoutSeconds?: number;
  /** Failed PIN attempts that lock a customer out (MAX_PIN_ATTEMPTS). @default 3 */
  readonly maxPinAttempts?: number;
  /** Days security events are kept before DynamoDB expires them (SECURITY_EVENT_TTL_DAYS). @default 400 */
  readonly securityEventTtlDays?: number;
  /**
   * Sensitive operations (bank calls about money, companion pushes) and model questions one
   * contact, and one customer, may make per window (RATE_LIMIT_*).
   * @default 15-minute window; per contact 20 operations and 10 questions, per customer 40 and 20
   */
  readonly rateLimits?: LexFallbackRateLimits;
  /** Queue names the flow routes to on escalation. @default { fraud: "FraudQueue", agent: "GeneralAgentQueue", accounts: "AccountQueue", lending: "LendingQueue" } */
  readonly queues?: {
    readonly fraud?: string;
    readonly agent?: string;
    readonly accounts?: string;
    readonly lending?: string;
  };
  /** Namespace of the AI metrics the function publishes (EMF): config `observability.aiMetricsNamespace`. @default "Connect/BedrockMCP" */
  readonly aiMetricsNamespace?: string;
  /**
   * AI reporting stream (DataLake.aiReportingStream) the function writes one insight record per
   * turn to. Encrypted with `kmsKeyArn` (the stack key), whose GenerateDataKey grant covers it.
   * @default undefined - no insight records
   */
  readonly aiInsightsStream?: { readonly arn: string; readonly name: string };
  /**
   * Encrypted PIN entry: the flow's EncryptionKeyId and the secret (ARN) holding the matching RSA
   * private key, encrypted with `kmsKeyArn`.
   * @default undefined - the flows send PINs as plain digits
   */
  readonly pinEncryption?: { readonly keyId: string; readonly privateKeySecretArn: string };
  /**
   * How a claimed customer id is made canonical before it keys anything (config
   * `security.customerIdFormat`).
   * @default DEFAULT_CUSTOMER_ID_FORMAT - the bank's digits, leading zeros dropped
   */
  readonly customerIdFormat?: CustomerIdFormat;
  /** @default 365 */
  readonly logRetentionDays?: LogRetentionDays;
  /** @default undefined */
  readonly reservedConcurrency?: number;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Metric namespace of the log-derived delivery failures; alarm on any datapoint > 0. */
export const LEX_FALLBACK_METRIC_NAMESPACE = "ContactCentre/LexFallback";

/** Log message (see lambda/lex_fallback) → metric name. */
const DELIVERY_FAILURES = {
  FRAUD_ALERT_UNDELIVERED: "FraudAlertUndelivered",
  SECURITY_EVENT_UNWRITTEN: "SecurityEventUnwritten",
} as const;

/**
 * The Lex V2 code-hook Lambda (lambda/lex_fallback), which also answers the contact flows'
 * InvokeLambdaFunction calls, with exactly the access it uses: read/write of its auth-state items,
 * create-only security events, query + create of callback requests, publish to its topics, one
 * secret, one model and one guardrail. Also counts undelivered fraud alerts and audit writes from its logs.
 */
export class LexFallbackLambda extends Construct {
  public readonly lambda: NodejsLambda;
  public readonly function: LambdaFunction;
  public readonly alias: LambdaAlias;
  public readonly aliasArn: string;
  /** Metric names by failure, in LEX_FALLBACK_METRIC_NAMESPACE. */
  public readonly deliveryFailureMetrics: Readonly<Record<keyof typeof DELIVERY_FAILURES, string>> =
    DELIVERY_FAILURES;

  constructor(scope: Construct, id: string, props: LexFallbackLambdaProps) {
    super(scope, id);
    const threshold = props.confidenceThreshold ?? 0.7;
    if (!(threshold > 0 && threshold < 1)) {
      throw new Error(
        `LexFallbackLambda at ${this.node.path}: confidenceThreshold ${threshold} must be between 0 and 1 (e.g. 0.7)`,
      );
    }
    if (props.bedrockModelArns.length === 0) {
      throw new Error(
        `LexFallbackLambda at ${this.node.path}: bedrockModelArns is empty; list the model ARN(s) ${props.bedrockModelId} resolves to`,
      );
    }

    const functionName = props.functionName ?? "lex-fallback";
    const queues = {
      fraud: "FraudQueue",
      agent: "GeneralAgentQueue",
      accounts: "AccountQueue",
      lending: "LendingQueue",
      ...props.queues,
    };
    const topics = [props.fraudTopicArn, ...(props.authPushTopicArn ? [props.authPushTopicArn] : [])];
    const tableName = (arn: string) => Fn.element(Fn.split("/", arn), 1);

    const statements: LambdaPolicyStatement[] = [
      {
        sid: "AuthState",
        actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
        resources: [props.authStateTableArn],
      },
      { sid: "SecurityEvents", actions: ["dynamodb:PutItem"], resources: [props.securityEventsTableArn] },
      // request_callback: a consistent Query for this contact's request, then a create-only put.
      {
        sid: "CallbackRequests",
        actions: ["dynamodb:Query", "dynamodb:PutItem"],
        resources: [props.callbackTableArn],
      },
      { sid: "PublishAlerts", actions: ["sns:Publish"], resources: topics },
      ...(props.fraudBackupQueue
        ? [{ sid: "FraudBackupQueue", actions: ["sqs:SendMessage"], resources: [props.fraudBackupQueue.arn] }]
        : []),
      {
        sid: "EncryptedTopicsQueueAndStream",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [props.kmsKeyArn],
      },
      {
        sid: "BankingApiKey",
        actions: ["secretsmanager:GetSecretValue"],
        resources: [props.bankingApiSecretArn],
      },
      ...(props.aiInsightsStream
        ? [
            {
              sid: "AiInsightsStream",
              actions: ["kinesis:PutRecord", "kinesis:PutRecords"],
              resources: [props.aiInsightsStream.arn],
            },
          ]
        : []),
      ...(props.pinEncryption
        ? [
            {
              sid: "PinPrivateKey",
              actions: ["secretsmanager:GetSecretValue"],
              resources: [props.pinEncryption.privateKeySecretArn],
            },
          ]
        : []),
      { sid: "Converse", actions: ["bedrock:InvokeModel"], resources: [...props.bedrockModelArns] },
      { sid: "Guardrail", actions: ["bedrock:ApplyGuardrail"], resources: [props.guardrail.arn] },
    ];

    this.lambda = new NodejsLambda(this, "Lambda", {
      functionName,
      ...(props.roleName ? { roleName: props.roleName } : {}),
      code: props.code,
      // Lex and Connect (InvokeLambdaFunction, at most 8 s) wait on it; the handler's own budget is
      // 2.8 s, this is the hard stop.
      timeout: props.timeoutSeconds ?? 5,
      memorySize: props.memoryMb ?? 1024,
      ...(props.runtime ? { runtime: props.runtime } : {}),
      kmsKeyArn: props.kmsKeyArn,
      statements,
      ...(props.logRetentionDays !== undefined ? { logRetentionDays: props.logRetentionDays } : {}),
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrency: props.reservedConcurrency } : {}),
      ...(props.tags ? { tags: props.tags } : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: functionName,
        POWERTOOLS_LOG_LEVEL: "INFO",
        AUTH_STATE_TABLE_NAME: tableName(props.authStateTableArn),
        SECURITY_EVENTS_TABLE_NAME: tableName(props.securityEventsTableArn),
        CALLBACK_TABLE_NAME: tableName(props.callbackTableArn),
        FRAUD_ALERT_TOPIC_ARN: props.fraudTopicArn,
        ...(props.fraudBackupQueue ? { FRAUD_ALERT_BACKUP_QUEUE_URL: props.fraudBackupQueue.url } : {}),
        ...(props.authPushTopicArn ? { AUTH_PUSH_TOPIC_ARN: props.authPushTopicArn } : {}),
        BANKING_API_URL: props.bankingApiUrl,
        BANKING_API_SECRET_ID: props.bankingApiSecretArn,
        BEDROCK_MODEL_ID: props.bedrockModelId,
        ...(props.bedrockRegion ? { BEDROCK_REGION: props.bedrockRegion } : {}),
        BEDROCK_GUARDRAIL_ID: props.guardrail.id,
        BEDROCK_GUARDRAIL_VERSION: props.guardrail.version,
        LEX_CONFIDENCE_THRESHOLD: String(threshold),
        FRAUD_QUEUE_NAME: queues.fraud,
        AGENT_QUEUE_NAME: queues.agent,
        ACCOUNTS_QUEUE_NAME: queues.accounts,
        LENDING_QUEUE_NAME: queues.lending,
        AI_METRICS_NAMESPACE: props.aiMetricsNamespace ?? "Connect/BedrockMCP",
        MAX_PIN_ATTEMPTS: String(props.maxPinAttempts ?? 3),
        SECURITY_EVENT_TTL_DAYS: String(props.securityEventTtlDays ?? 400),
        ...rateLimitEnvironment(props.rateLimits ?? DEFAULT_RATE_LIMITS),
        ...(props.aiInsightsStream ? { AI_INSIGHTS_STREAM_NAME: props.aiInsightsStream.name } : {}),
        ...(props.pinEncryption
          ? {
              PIN_ENCRYPTION_KEY_ID: props.pinEncryption.keyId,
              PIN_PRIVATE_KEY_SECRET_ID: props.pinEncryption.privateKeySecretArn,
            }
          : {}),
        CUSTOMER_ID_FORMAT: customerIdFormatToEnv(props.customerIdFormat ?? DEFAULT_CUSTOMER_ID_FORMAT),
      },
    });
    this.function = this.lambda.function;
    this.alias = this.lambda.alias;
    this.aliasArn = this.lambda.aliasArn;

    for (const [message, metric] of Object.entries(DELIVERY_FAILURES)) {
      new CloudwatchLogMetricFilter(this, metric, {
        name: `${functionName}-${metric}`,
        logGroupName: this.lambda.logGroup.name,
        pattern: `{ $.message = "${message}" }`,
        metricTransformation: {
          name: metric,
          namespace: LEX_FALLBACK_METRIC_NAMESPACE,
          value: "1",
          defaultValue: "0",
        },
      });
    }
  }

  /** Lets one Lex V2 bot alias call the code hook. */
  public allowLex(id: string, botAliasArn: string) {
    return this.lambda.allowInvoke(id, "lexv2.amazonaws.com", botAliasArn);
  }

  /**
   * Lets the contact flows of one Connect instance call the function (InvokeLambdaFunction), on the
   * live alias: the flows reference `aliasArn`, and this permission carries the alias qualifier.
   * Whether a flow may name an alias ARN at all is not settled in AWS's documents (a blog shows it);
   * unverified until deployed: if Connect refuses it, point the flows at `functionArn`.
   */
  public allowConnect(instanceArn: string, id = "ConnectInstance") {
    return this.lambda.allowInvoke(id, "connect.amazonaws.com", instanceArn);
  }

  /**
   * Adds the function to the instance's Lambda functions (AssociateLambdaFunction). The provider's
   * docs require the unqualified ARN (it matches ListLambdaFunctions by exact string), so the
   * association names the function and the flows still invoke the alias. Flows created through the
   * API may only invoke associated functions; make flows depend on the result.
   */
  public associateWithInstance(
    instanceId: string,
    id = "InstanceAssociation",
  ): ConnectLambdaFunctionAssociation {
    return new ConnectLambdaFunctionAssociation(this, id, {
      instanceId,
      functionArn: this.lambda.function.arn,
    });
  }
}

/** The function's RATE_LIMIT_* variables (lambda/lex_fallback/config.ts reads them). */
function rateLimitEnvironment(limits: LexFallbackRateLimits): Record<string, string> {
  return {
    RATE_LIMIT_WINDOW_SECONDS: String(limits.windowMinutes * 60),
    RATE_LIMIT_CONTACT_SENSITIVE: String(limits.perContact.sensitiveOperations),
    RATE_LIMIT_CONTACT_LLM: String(limits.perContact.modelQuestions),
    RATE_LIMIT_CUSTOMER_SENSITIVE: String(limits.perCustomer.sensitiveOperations),
    RATE_LIMIT_CUSTOMER_LLM: String(limits.perCustomer.modelQuestions),
  };
}
