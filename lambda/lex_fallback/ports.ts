import type { AiInsightRecord } from "./insights/record";

/**
 * What the intent handlers may call. Adapters in `adapters/` implement these with AWS SDK v3 and
 * the bank's HTTP API; tests pass in-memory fakes. Every method may throw; the orchestrator turns
 * failures into a Lex response.
 */

export type AccountType = "current" | "savings" | "credit";

export interface Balance {
  readonly available: number;
  readonly current: number;
  readonly currency: string;
  /** Last four digits only; the API never returns full numbers to this Lambda. */
  readonly accountLast4: string;
}

export interface Transaction {
  readonly date: string;
  readonly description: string;
  readonly amount: number;
  /** ISO 4217, as the bank gave it for this transaction or its account. */
  readonly currency: string;
}

export interface LoanSummary {
  readonly outstanding: number;
  readonly nextPaymentAmount: number;
  readonly nextPaymentDate: string;
  readonly currency: string;
}

export interface MoneyMovement {
  readonly kind: "internal" | "external" | "loan";
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly reference?: string;
  /** Idempotency key so a retried call cannot move money twice. */
  readonly idempotencyKey: string;
}

export interface BankingApi {
  getBalance(customerId: string, account: AccountType): Promise<Balance>;
  getTransactions(customerId: string, account: AccountType, days: number): Promise<readonly Transaction[]>;
  getAccountDetails(
    customerId: string,
    account: AccountType,
  ): Promise<{ readonly sortCode: string; readonly accountLast4: string }>;
  requestStatement(
    customerId: string,
    account: AccountType,
    delivery: "email" | "post",
  ): Promise<{ readonly reference: string }>;
  activateCard(customerId: string, cardLast4: string): Promise<"activated" | "not_found" | "already_active">;
  blockCards(customerId: string, cardType: string): Promise<{ readonly blocked: number }>;
  createDispute(customerId: string, amount: number, date: string): Promise<{ readonly caseId: string }>;
  moveMoney(customerId: string, movement: MoneyMovement): Promise<{ readonly reference: string }>;
  getLoan(customerId: string, loanType: string): Promise<LoanSummary | undefined>;
  verifyPin(customerId: string, pin: string): Promise<boolean>;
  findBranch(
    postcode: string,
  ): Promise<{ readonly name: string; readonly address: string; readonly hours: string } | undefined>;
}

export type AuthMethod = "PIN" | "COMPANION_APP";

export interface SessionAuth {
  readonly customerId: string;
  readonly method: AuthMethod;
}

/** One PIN check the auth store let through to the bank. */
export interface PinAttempt {
  readonly customerId: string;
  /** 1-based position of this attempt in the customer's current window. */
  readonly number: number;
  /** This attempt used the last one: a wrong PIN here leaves the customer locked. */
  readonly last: boolean;
  /** Identifies this reservation; only the attempt that set a lock may clear it with a correct PIN. */
  readonly token: string;
}

export type PinReservation =
  { readonly kind: "reserved"; readonly attempt: PinAttempt } | { readonly kind: "locked" };

export type CompanionStatus = "PENDING" | "APPROVE" | "DECLINE" | "EXPIRED";

/** Authentication state, held in the auth-state table; never in session attributes. */
export interface AuthStore {
  /** The authenticated identity of this Lex session, if any. */
  getSession(sessionId: string): Promise<SessionAuth | undefined>;
  /**
   * Marks the session authenticated for `customerId` and resets the customer's PIN attempts, in
   * that order. Returns false, writing nothing, when the customer is locked, unless `attempt` is
   * the reservation that set the lock (a correct PIN on the last try).
   */
  markAuthenticated(sessionId: string, auth: SessionAuth, attempt?: PinAttempt): Promise<boolean>;
  isLocked(customerId: string): Promise<boolean>;
  /**
   * Reserves one PIN check before the PIN reaches the bank; the reservation that uses the last of
   * `maxAttempts` also locks the customer. "locked" when no attempt is left.
   */
  reservePinAttempt(customerId: string, maxAttempts: number): Promise<PinReservation>;
  /** Creates a companion-app approval request bound to this session; returns its id. */
  startCompanion(sessionId: string, customerId: string): Promise<string>;
  /** The pending companion request of this session, if one was started. */
  pendingCompanion(
    sessionId: string,
  ): Promise<{ readonly requestId: string; readonly customerId: string } | undefined>;
  companionStatus(requestId: string): Promise<CompanionStatus>;
}

export type SecurityEventType =
  | "AUTH_SUCCESS"
  | "AUTH_PIN_FAILED"
  | "AUTH_LOCKED"
  | "AUTH_BLOCKED_LOCKED"
  | "AUTH_REQUIRED"
  | "AUTH_COMPANION_SENT"
  | "AUTH_COMPANION_DECLINED"
  | "AUTH_IDENTITY_MISMATCH"
  | "FRAUD_REPORTED"
  | "CARD_LOST_STOLEN"
  /** The auth flow took its lockout branch (the table lock itself is AUTH_LOCKED). */
  | "PIN_LOCKOUT"
  /** The auth flow ran out of PIN prompts without a lockout (silence, or a count the table never reached). */
  | "AUTH_NOT_VERIFIED"
  /** The auth flow never got a customer number. */
  | "AUTH_NOT_IDENTIFIED"
  /** The auth flow could not finish (a Lambda or an attribute write failed); the caller goes on unverified. */
  | "AUTH_ERROR"
  /** A contact or customer used up its sensitive operations or model questions for the window. */
  | "RATE_LIMITED"
  /** An encrypted PIN from a flow did not decrypt (tampered, wrong key, or sent in plain). */
  | "AUTH_INPUT_REJECTED";

export interface SecurityEvent {
  readonly customerId: string;
  readonly type: SecurityEventType;
  readonly sessionId: string;
  readonly intent: string;
  /** Flat, non-PII details only (counts, methods, outcomes). */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

export interface SecurityEvents {
  record(event: SecurityEvent): Promise<void>;
}

export interface FraudAlert {
  readonly alertType: "FRAUD_REPORTED" | "CARD_LOST_STOLEN";
  readonly severity: "HIGH" | "CRITICAL";
  readonly customerId: string;
  readonly sessionId: string;
  readonly authenticated: boolean;
  readonly cardsBlocked: number;
}

export interface Notifier {
  fraudAlert(alert: FraudAlert): Promise<void>;
  /** Push to the customer's companion app through the auth push topic. */
  companionPush(requestId: string, customerId: string): Promise<void>;
}

export type RateScope = "contact" | "customer";
export type RateAction = "sensitive" | "llm";

/** Counters per contact and per customer over a fixed window (conditional writes, TTL). */
export interface RateLimits {
  /** Takes one use; false when the window's limit is already reached. */
  take(scope: RateScope, id: string, action: RateAction): Promise<boolean>;
}

/** The durable second channel for fraud alerts when the topic cannot take them (an SQS queue). */
export interface FraudBackup {
  enqueue(alert: FraudAlert): Promise<void>;
}

export interface Llm {
  /** Answers a general banking question within the guardrail; throws on any failure. */
  answer(question: string, localeId: string): Promise<string>;
}

/** A caller asked to be called back (callback flow); one request per contact. */
export interface CallbackRequest {
  readonly contactId: string;
  /** Number to call, as keyed or presented (E.164 or national digits); masked in every log. */
  readonly phoneNumber: string;
  /** What the call is about (the flow's `Category` attribute), for routing the callback. */
  readonly category: string;
  readonly queueArn?: string;
  readonly queueName?: string;
}

export interface CallbackQueue {
  /** Stores the request; "duplicate" when this contact already asked (a retried invocation). */
  request(request: CallbackRequest): Promise<"queued" | "duplicate">;
}

/**
 * The AI reporting stream: one record per code-hook turn. `record` returns at once and never
 * throws; delivery happens off the reply path and its failures are counted, not raised.
 */
export interface InsightSink {
  record(record: AiInsightRecord): void;
}

/** The PIN a flow collected (`$.StoredCustomerInput`), as keyed. */
export interface PinInput {
  /** Whether the flow encrypts it (InputEncryption); a plain value is then refused. */
  readonly encrypted: boolean;
  /** The digits; throws EncryptedInputError when an encrypted value does not decrypt. */
  read(raw: string): Promise<string>;
}

/**
 * Where CloudWatch Embedded Metric Format documents go: stdout in the function (CloudWatch
 * extracts them from the log), a list in tests.
 */
export interface MetricLog {
  write(emfDocument: string): void;
}

export interface Ports {
  readonly banking: BankingApi;
  readonly callbacks: CallbackQueue;
  readonly auth: AuthStore;
  readonly security: SecurityEvents;
  readonly notifier: Notifier;
  readonly fraudBackup: FraudBackup;
  readonly limits: RateLimits;
  readonly llm: Llm;
  readonly insights: InsightSink;
  readonly pinInput: PinInput;
  readonly metrics: MetricLog;
  readonly now: () => Date;
}
