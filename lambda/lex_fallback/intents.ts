/**
 * The one list of intents the lex_fallback code hook serves.
 *
 * Imported by the Lambda's orchestrator (every name must have a handler) and by the Lex bot
 * constructs at synth (every name must exist in the bot that uses this Lambda, and the bot may not
 * route an intent here that is not listed). Keep it free of runtime dependencies: it is bundled.
 */
export const ACCOUNT_INTENTS = ["CheckBalance", "TransactionHistory", "AccountDetails", "RequestStatement"] as const;
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
