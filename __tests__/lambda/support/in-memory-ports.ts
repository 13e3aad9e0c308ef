import { loadConfig, type LambdaConfig, type RateLimitPolicy } from "../../../lambda/lex_fallback/config";
import { FIXTURE_CUSTOMER_ID_ENV } from "./customer-ids";
import { PLAIN_PIN_INPUT } from "../../../lambda/lex_fallback/adapters/connect-pin-input";
import type { Deps } from "../../../lambda/lex_fallback/handlers/types";
import type { AiInsightRecord } from "../../../lambda/lex_fallback/insights/record";
import type {
  AuthStore,
  BankingApi,
  CallbackQueue,
  CallbackRequest,
  CompanionStatus,
  FraudAlert,
  FraudBackup,
  InsightSink,
  Llm,
  MetricLog,
  Notifier,
  PinAttempt,
  PinInput,
  PinReservation,
  RateAction,
  RateLimits,
  RateScope,
  SecurityEvent,
  SecurityEvents,
  SessionAuth,
} from "../../../lambda/lex_fallback/ports";

/**
 * In-memory auth table with the same rules as the DynamoDB adapter, for fast unit tests; the
 * concurrency of those rules is proven against dynalite (__tests__/lambda/dynamo).
 */
export class MemoryAuthStore implements AuthStore {
  readonly sessions = new Map<string, SessionAuth>();
  readonly failures = new Map<string, number>();
  readonly locked = new Set<string>();
  /** Token of the attempt that set each lock (a correct PIN on it may still sign in). */
  readonly lockHolders = new Map<string, string>();
  readonly companion = new Map<string, { requestId: string; customerId: string }>();
  readonly companionStatuses = new Map<string, CompanionStatus>();
  async getSession(sessionId: string) {
    return this.sessions.get(sessionId);
  }
  async markAuthenticated(sessionId: string, auth: SessionAuth, attempt?: PinAttempt) {
    const holder = this.lockHolders.get(auth.customerId);
    if (this.locked.has(auth.customerId) && (attempt === undefined || attempt.token !== holder)) return false;
    this.locked.delete(auth.customerId);
    this.failures.delete(auth.customerId);
    this.sessions.set(sessionId, auth);
    this.companion.delete(sessionId);
    return true;
  }
  async isLocked(customerId: string) {
    return this.locked.has(customerId);
  }
  async reservePinAttempt(customerId: string, maxAttempts: number): Promise<PinReservation> {
    if (this.locked.has(customerId)) return { kind: "locked" };
    const number = (this.failures.get(customerId) ?? 0) + 1;
    this.failures.set(customerId, number);
    const token = `attempt-${customerId}-${number}`;
    const last = number >= maxAttempts;
    if (last) {
      this.locked.add(customerId);
      this.lockHolders.set(customerId, token);
    }
    return { kind: "reserved", attempt: { customerId, number, last, token } };
  }
  async startCompanion(sessionId: string, customerId: string) {
    const requestId = `req-${this.companion.size + 1}`;
    this.companion.set(sessionId, { requestId, customerId });
    this.companionStatuses.set(requestId, "PENDING");
    return requestId;
  }
  async pendingCompanion(sessionId: string) {
    return this.companion.get(sessionId);
  }
  async companionStatus(requestId: string) {
    return this.companionStatuses.get(requestId) ?? "EXPIRED";
  }
}

/** Callback table keyed by contact id, create-only, like the DynamoDB adapter. */
export class MemoryCallbackQueue implements CallbackQueue {
  readonly requests = new Map<string, CallbackRequest>();
  async request(request: CallbackRequest) {
    if (this.requests.has(request.contactId)) return "duplicate" as const;
    this.requests.set(request.contactId, request);
    return "queued" as const;
  }
}

export class RecordingSecurityEvents implements SecurityEvents {
  readonly events: SecurityEvent[] = [];
  async record(event: SecurityEvent) {
    this.events.push(event);
  }
}

export class RecordingNotifier implements Notifier {
  readonly alerts: FraudAlert[] = [];
  readonly pushes: Array<{ requestId: string; customerId: string }> = [];
  async fraudAlert(alert: FraudAlert) {
    this.alerts.push(alert);
  }
  async companionPush(requestId: string, customerId: string) {
    this.pushes.push({ requestId, customerId });
  }
}

/** Counters with the configured limits, one window (tests run inside one). */
export class MemoryRateLimits implements RateLimits {
  readonly uses = new Map<string, number>();
  constructor(private readonly limits: RateLimitPolicy) {}
  async take(scope: RateScope, id: string, action: RateAction) {
    const key = `${scope}#${id}#${action}`;
    const used = this.uses.get(key) ?? 0;
    if (used >= this.limits[scope][action]) return false;
    this.uses.set(key, used + 1);
    return true;
  }
}

export class RecordingInsights implements InsightSink {
  readonly records: AiInsightRecord[] = [];
  record(record: AiInsightRecord) {
    this.records.push(record);
  }
}

/** The EMF documents the function would print, in order. */
export class RecordingMetrics implements MetricLog {
  readonly documents: string[] = [];
  write(emfDocument: string) {
    this.documents.push(emfDocument);
  }
}

export class RecordingFraudBackup implements FraudBackup {
  readonly alerts: FraudAlert[] = [];
  async enqueue(alert: FraudAlert) {
    this.alerts.push(alert);
  }
}

/** Bank with one customer, c-123, PIN 4321. */
export function fakeBank(overrides: Partial<BankingApi> = {}): BankingApi {
  return {
    getBalance: async () => ({ available: 1024.5, current: 1100, currency: "GBP", accountLast4: "1234" }),
    getTransactions: async () => [
      { date: "2026-11-20", description: "TESCO STORES", amount: -45.2, currency: "GBP" },
      { date: "2026-11-19", description: "SALARY", amount: 3500, currency: "GBP" },
    ],
    getAccountDetails: async () => ({ sortCode: "12-34-56", accountLast4: "1234" }),
    requestStatement: async () => ({ reference: "ST-1" }),
    activateCard: async () => "activated",
    blockCards: async () => ({ blocked: 1 }),
    createDispute: async () => ({ caseId: "DSP-100200" }),
    moveMoney: async () => ({ reference: "TX-42" }),
    getLoan: async () => ({
      outstanding: 8450,
      nextPaymentAmount: 285,
      nextPaymentDate: "2026-12-20",
      currency: "GBP",
    }),
    verifyPin: async (customerId, pin) => customerId === "c-123" && pin === "4321",
    findBranch: async () => ({
      name: "High Street",
      address: "1 High Street, London",
      hours: "Monday to Friday, 9am to 5pm",
    }),
    ...overrides,
  };
}

export const TEST_CONFIG: LambdaConfig = loadConfig({
  AUTH_STATE_TABLE_NAME: "auth",
  SECURITY_EVENTS_TABLE_NAME: "events",
  FRAUD_ALERT_TOPIC_ARN: "arn:aws:sns:eu-west-2:111122223333:fraud",
  AUTH_PUSH_TOPIC_ARN: "arn:aws:sns:eu-west-2:111122223333:auth-push",
  BANKING_API_URL: "https://bank.invalid",
  BANKING_API_SECRET_ID: "arn:aws:secretsmanager:eu-west-2:111122223333:secret:bank",
  BEDROCK_MODEL_ID: "model",
  ...FIXTURE_CUSTOMER_ID_ENV,
});

export interface Harness {
  readonly deps: Deps;
  readonly auth: MemoryAuthStore;
  readonly security: RecordingSecurityEvents;
  readonly notifier: RecordingNotifier;
  readonly fraudBackup: RecordingFraudBackup;
  readonly limits: MemoryRateLimits;
  readonly callbacks: MemoryCallbackQueue;
  readonly insights: RecordingInsights;
  readonly metrics: RecordingMetrics;
}

export function harness(
  options: {
    bank?: Partial<BankingApi>;
    llm?: Llm;
    notifier?: Notifier;
    fraudBackup?: FraudBackup;
    limits?: RateLimits;
    security?: SecurityEvents;
    callbacks?: CallbackQueue;
    pinInput?: PinInput;
  } = {},
): Harness {
  const auth = new MemoryAuthStore();
  const security = new RecordingSecurityEvents();
  const notifier = new RecordingNotifier();
  const callbacks = new MemoryCallbackQueue();
  const fraudBackup = new RecordingFraudBackup();
  const limits = new MemoryRateLimits(TEST_CONFIG.rateLimits);
  const insights = new RecordingInsights();
  const metrics = new RecordingMetrics();
  const deps: Deps = {
    config: TEST_CONFIG,
    ports: {
      banking: fakeBank(options.bank),
      callbacks: options.callbacks ?? callbacks,
      auth,
      security: options.security ?? security,
      notifier: options.notifier ?? notifier,
      fraudBackup: options.fraudBackup ?? fraudBackup,
      limits: options.limits ?? limits,
      llm: options.llm ?? { answer: async () => "Our branches open at 9am." },
      insights,
      pinInput: options.pinInput ?? PLAIN_PIN_INPUT,
      metrics,
      now: () => new Date("2026-11-25T10:00:00Z"),
    },
  };
  return { deps, auth, security, notifier, fraudBackup, limits, callbacks, insights, metrics };
}
