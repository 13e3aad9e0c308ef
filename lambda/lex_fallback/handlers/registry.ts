import type { HandledIntentName } from "../intents";
import { accountDetails } from "./account/account-details";
import { checkBalance } from "./account/check-balance";
import { requestStatement } from "./account/request-statement";
import { transactionHistory } from "./account/transaction-history";
import { activateCard } from "./cards/activate-card";
import { changePin } from "./cards/change-pin";
import { disputeTransaction } from "./cards/dispute-transaction";
import { reportFraud } from "./cards/report-fraud";
import { reportLostStolenCard } from "./cards/report-lost-stolen-card";
import { branchLocator } from "./general/branch-locator";
import { fallback } from "./general/fallback";
import { transferToAgent } from "./general/transfer-to-agent";
import { loanApplication } from "./loans/loan-application";
import { loanPayment } from "./loans/loan-payment";
import { loanStatus } from "./loans/loan-status";
import { externalTransfer } from "./transfers/external-transfer";
import { internalTransfer } from "./transfers/internal-transfer";
import { wireTransfer } from "./transfers/wire-transfer";
import type { IntentHandler } from "./types";

/** Typed by HANDLED_INTENTS: adding an intent there without a handler here fails to compile. */
export const HANDLERS: Readonly<Record<HandledIntentName, IntentHandler>> = {
  CheckBalance: checkBalance,
  TransactionHistory: transactionHistory,
  AccountDetails: accountDetails,
  RequestStatement: requestStatement,
  ActivateCard: activateCard,
  ReportLostStolenCard: reportLostStolenCard,
  ReportFraud: reportFraud,
  ChangePIN: changePin,
  DisputeTransaction: disputeTransaction,
  InternalTransfer: internalTransfer,
  ExternalTransfer: externalTransfer,
  WireTransfer: wireTransfer,
  LoanStatus: loanStatus,
  LoanPayment: loanPayment,
  LoanApplication: loanApplication,
  TransferToAgent: transferToAgent,
  BranchLocator: branchLocator,
  FallbackIntent: fallback,
};
