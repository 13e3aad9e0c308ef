/**
 * The one list of intents the lex_fallback code hook serves.
 *
 * Imported by the Lambda's orchestrator (every name must have a handler) and by the Lex bot
 * constructs at synth (every name must exist in the bot that uses this Lambda, and the bot may not
 * route an intent here that is not listed). Keep it free of runtime dependencies: it is bundled.
 */
export const ACCOUNT_INTENTS = [
  "CheckBalance",
  "TransactionHistory",
  "AccountDetails",
  "RequestStatement",
] as const;
export const CARD_INTENTS = [
  "ActivateCard",
  "ReportLostStolenCard",
  "ReportFraud",
  "ChangePIN",
  "DisputeTransaction",
] as const;
export const TRANSFER_INTENTS = ["InternalTransfer", "ExternalTransfer", "WireTransfer"] as const;
export const LOAN_INTENTS = ["LoanStatus", "LoanPayment", "LoanApplication"] as const;
export const GENERAL_INTENTS = ["TransferToAgent", "BranchLocator"] as const;
/** Lex's built-in fallback; every locale has it. */
export const FALLBACK_INTENT = "FallbackIntent" as const;

export const BANKING_INTENTS = [
  ...ACCOUNT_INTENTS,
  ...CARD_INTENTS,
  ...TRANSFER_INTENTS,
  ...LOAN_INTENTS,
  ...GENERAL_INTENTS,
] as const;

export const HANDLED_INTENTS = [...BANKING_INTENTS, FALLBACK_INTENT] as const;

export type BankingIntentName = (typeof BANKING_INTENTS)[number];
export type HandledIntentName = (typeof HANDLED_INTENTS)[number];

/** Intents that require an authenticated session before they are served. */
export const SENSITIVE_INTENTS: readonly BankingIntentName[] = [
  "CheckBalance",
  "TransactionHistory",
  "AccountDetails",
  "RequestStatement",
  "ActivateCard",
  "ChangePIN",
  "DisputeTransaction",
  "InternalTransfer",
  "ExternalTransfer",
  "WireTransfer",
  "LoanStatus",
  "LoanPayment",
];

/**
 * Slot the code hook elicits on every sensitive intent to collect the caller's PIN. The bot must
 * define it (optional, not required by Lex, obfuscation on) on each intent in SENSITIVE_INTENTS.
 */
export const AUTH_PIN_SLOT = "Pin" as const;

/**
 * Slots each intent's handler reads or elicits (besides AUTH_PIN_SLOT). A bot intent routed to
 * this Lambda must define at least these; ElicitSlot on a slot the bot lacks fails the turn.
 */
export const INTENT_SLOTS: Readonly<Record<HandledIntentName, readonly string[]>> = {
  CheckBalance: ["AccountType"],
  TransactionHistory: ["AccountType", "DateRange"],
  AccountDetails: ["AccountType"],
  RequestStatement: ["AccountType", "DeliveryMethod"],
  ActivateCard: ["CardLastFour"],
  ReportLostStolenCard: ["CardType"],
  ReportFraud: [],
  ChangePIN: [],
  DisputeTransaction: ["TransactionAmount", "TransactionDate"],
  InternalTransfer: ["FromAccount", "ToAccount", "Amount"],
  ExternalTransfer: ["Payee", "Amount", "Reference"],
  WireTransfer: [],
  LoanStatus: ["LoanType"],
  LoanPayment: ["LoanType", "PaymentAmount"],
  LoanApplication: ["LoanType", "LoanAmount"],
  TransferToAgent: [],
  BranchLocator: ["Postcode"],
  FallbackIntent: [],
};
