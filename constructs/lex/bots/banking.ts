import { AUTH_PIN_SLOT, SENSITIVE_INTENTS } from "../../../lambda/lex_fallback/intents";
import type { BotDefinition, IntentDefinition, LocaleId, SlotDefinition } from "../types";
import { BANKING_SLOT_TYPES, postcodeType } from "./banking-slot-types";
import type { BotContext } from "./context";

type IntentSpec = Omit<IntentDefinition, "dialogCodeHook" | "fulfillmentCodeHook" | "address">;

const accountType = (prompt: string): SlotDefinition => ({
  name: "AccountType",
  description: "Account the request is about",
  type: "AccountType",
  required: true,
  prompt,
});
const loanType = (prompt: string): SlotDefinition => ({
  name: "LoanType",
  description: "Lending product",
  type: "LoanType",
  required: true,
  prompt,
});
const amount = (name: string, prompt: string): SlotDefinition => ({
  name,
  description: "Amount in pounds",
  type: "AMAZON.Number",
  required: true,
  prompt,
});

/**
 * Optional, obfuscated: the code hook elicits it only on voice turns of a session not yet
 * authenticated (never in chat). Optional keeps Lex from asking for it itself, in any channel
 * (check hook-only-slots-optional), so its prompt can only be heard on a call.
 */
const PIN_SLOT: SlotDefinition = {
  name: AUTH_PIN_SLOT,
  description: "Telephone banking PIN, elicited by the code hook for sensitive intents",
  type: "PinCode",
  required: false,
  prompt: "For your security, please say or key in your telephone banking PIN.",
  obfuscate: true,
};

/** Intents, slots and utterances from the implementation guide (Phase 3), completed per handler. */
function intents(locale: LocaleId): IntentSpec[] {
  return [
    {
      name: "CheckBalance",
      description: "Check account balance",
      utterances: [
        "what is my balance",
        "check my balance",
        "how much money do I have",
        "account balance",
        "show me my balance",
        "balance inquiry",
        "what's in my account",
        "how much do I have in my account",
        "what is my {AccountType} balance",
      ],
      slots: [accountType("Which account? Your current account or savings?")],
    },
    {
      name: "TransactionHistory",
      description: "View recent transactions",
      utterances: [
        "show my transactions",
        "recent transactions",
        "what did I spend",
        "transaction history",
        "view my transactions",
        "last transactions",
        "show me what I spent",
        "show transactions on my {AccountType} account",
      ],
      slots: [
        accountType("Which account?"),
        {
          name: "DateRange",
          description: "How many days back",
          type: "AMAZON.Number",
          required: false,
          prompt: "How many days back?",
        },
      ],
    },
    {
      name: "AccountDetails",
      description: "Account number, sort code and account information",
      utterances: [
        "account details",
        "what is my account number",
        "what is my sort code",
        "show my account information",
        "my {AccountType} account details",
      ],
      slots: [accountType("Which account would you like the details of?")],
    },
    {
      name: "RequestStatement",
      description: "Request a statement",
      utterances: [
        "request a statement",
        "send me a statement",
        "I need a bank statement",
        "get my {AccountType} statement",
        "email me my statement",
      ],
      slots: [
        accountType("Which account is the statement for?"),
        {
          name: "DeliveryMethod",
          description: "Email, post or online",
          type: "DeliveryMethod",
          required: false,
          prompt: "Would you like it by email, by post or in online banking?",
        },
      ],
    },
    {
      name: "ActivateCard",
      description: "Activate a new card",
      utterances: [
        "activate my card",
        "activate card",
        "I got a new card",
        "new card activation",
        "turn on my card",
        "activate my card ending {CardLastFour}",
      ],
      slots: [
        {
          name: "CardLastFour",
          description: "Last four digits of the new card",
          type: "CardLastFour",
          required: true,
          prompt: "Please tell me the last four digits of the new card.",
        },
      ],
    },
    {
      name: "ReportLostStolenCard",
      description: "Report lost or stolen card - CRITICAL",
      utterances: [
        "my card is lost",
        "lost my card",
        "card was stolen",
        "stolen card",
        "I lost my card",
        "can't find my card",
        "block my card",
        "cancel my card",
        "I lost my {CardType} card",
      ],
      slots: [
        {
          name: "CardType",
          description: "Debit or credit",
          type: "CardType",
          required: false,
          prompt: "Is it your debit card or your credit card?",
        },
      ],
    },
    {
      name: "ReportFraud",
      description: "Report fraudulent activity - CRITICAL",
      utterances: [
        "report fraud",
        "fraudulent charge",
        "I didn't make this transaction",
        "suspicious activity",
        "fraud on my account",
        "someone is using my card",
        "unauthorized transaction",
      ],
    },
    {
      name: "ChangePIN",
      description: "Change or reset the card PIN",
      utterances: [
        "change my PIN",
        "reset my PIN",
        "I forgot my PIN",
        "new PIN please",
        "update my PIN number",
      ],
    },
    {
      name: "DisputeTransaction",
      description: "Dispute a card transaction",
      utterances: [
        "dispute a transaction",
        "I want to dispute a charge",
        "there is a wrong charge on my account",
        "I was charged twice",
        "query a payment",
        "dispute a payment of {TransactionAmount} pounds",
      ],
      slots: [
        amount("TransactionAmount", "How much was the transaction, in pounds?"),
        {
          name: "TransactionDate",
          description: "When the transaction happened",
          type: "AMAZON.Date",
          required: true,
          prompt: "On what date did the transaction happen?",
        },
      ],
    },
    {
      name: "InternalTransfer",
      description: "Transfer between own accounts",
      utterances: [
        "transfer money",
        "move money between accounts",
        "internal transfer",
        "transfer funds",
        "transfer {Amount} pounds from {FromAccount} to {ToAccount}",
      ],
      slots: [
        {
          name: "FromAccount",
          description: "Account to debit",
          type: "AccountType",
          required: true,
          prompt: "Which account should the money come from?",
        },
        {
          name: "ToAccount",
          description: "Account to credit",
          type: "AccountType",
          required: true,
          prompt: "Which account should it go to?",
        },
        amount("Amount", "How much would you like to transfer, in pounds?"),
      ],
    },
    {
      name: "ExternalTransfer",
      description: "Pay a saved payee",
      utterances: ["pay someone", "make a payment", "send funds", "send money to {Payee}", "pay a bill"],
      slots: [
        {
          name: "Payee",
          description: "Saved payee reference",
          type: "AMAZON.AlphaNumeric",
          required: true,
          prompt: "Which saved payee would you like to pay?",
        },
        amount("Amount", "How much would you like to pay, in pounds?"),
        {
          name: "Reference",
          description: "Payment reference",
          type: "AMAZON.AlphaNumeric",
          required: false,
          prompt: "What reference should appear on the payment?",
        },
      ],
    },
    {
      name: "WireTransfer",
      description: "International or wire transfer (always handed to an agent)",
      utterances: [
        "wire money",
        "wire transfer",
        "international transfer",
        "send money abroad",
        "international payment",
      ],
    },
    {
      name: "LoanStatus",
      description: "Balance and status of a loan",
      utterances: [
        "loan status",
        "check my loan",
        "how much do I owe on my loan",
        "what is left on my {LoanType}",
        "loan balance",
      ],
      slots: [loanType("Which loan: your mortgage, personal loan or car loan?")],
    },
    {
      name: "LoanPayment",
      description: "Make a loan repayment",
      utterances: ["make a loan payment", "pay my loan", "repay my loan", "make a payment on my {LoanType}"],
      slots: [
        loanType("Which loan would you like to pay?"),
        amount("PaymentAmount", "How much would you like to pay, in pounds?"),
      ],
    },
    {
      name: "LoanApplication",
      description: "Apply for a loan",
      utterances: [
        "apply for a loan",
        "I want a loan",
        "borrow money",
        "apply for a {LoanType}",
        "can I get a mortgage",
      ],
      slots: [
        loanType("What would you like to apply for: a mortgage, personal loan or car loan?"),
        amount("LoanAmount", "How much would you like to borrow, in pounds?"),
      ],
    },
    {
      name: "TransferToAgent",
      description: "Transfer to human agent",
      utterances: [
        "speak to an agent",
        "talk to a person",
        "human agent",
        "customer service",
        "speak to someone",
        "agent",
      ],
    },
    {
      name: "BranchLocator",
      description: "Find nearest branch",
      utterances: [
        "find a branch",
        "nearest branch",
        "branch locations",
        "where is the nearest branch",
        "branches near {Postcode}",
      ],
      slots: [
        {
          name: "Postcode",
          description: "Where to search from",
          type: postcodeType(locale),
          required: true,
          prompt: "What postcode should I search near?",
        },
      ],
    },
  ];
}

const SENSITIVE = new Set<string>(SENSITIVE_INTENTS);

/**
 * The banking bot: every intent is served by the lex_fallback Lambda (dialog hook for
 * authentication and slot checks, fulfilment hook for the answer). Sensitive intents carry the
 * obfuscated PIN slot the Lambda elicits.
 */
export function bankingBot(ctx: BotContext): BotDefinition {
  const locale = ctx.locale;
  const custom: IntentDefinition[] = intents(locale).map((spec) => ({
    ...spec,
    slots: SENSITIVE.has(spec.name) ? [...(spec.slots ?? []), PIN_SLOT] : spec.slots,
    dialogCodeHook: true,
    fulfillmentCodeHook: true,
    // The original's single "TransferMoney" intent lives on as InternalTransfer.
    address:
      spec.name === "InternalTransfer"
        ? { keep: "banking_transfer" }
        : { movedFrom: `aws_lexv2models_intent.banking_intents_from_vars["${spec.name}"]` },
  }));
  return {
    key: "banking",
    name: `${ctx.namePrefix}-banking-bot`,
    description: "Banking self-service: accounts, cards, transfers, loans",
    addresses: {
      role: { movedFrom: "module.lex_bot_banking.aws_iam_role.lex_role" },
      rolePolicy: { movedFrom: "module.lex_bot_banking.aws_iam_role_policy.lex_policy" },
      bot: { movedFrom: "module.lex_bot_banking.aws_lexv2models_bot.this" },
      // Root-level in the original (the module runs with create_version = false): the live alias
      // keeps its id, so Connect associations and flows that hold its ARN keep working.
      version: { keep: "banking" },
      alias: { keep: "banking" },
      logGroup: { keep: "banking_lex_logs" },
    },
    locales: [
      {
        localeId: locale,
        voiceId: ctx.voiceId,
        nluConfidenceThreshold: ctx.nluConfidenceThreshold,
        slotTypes: BANKING_SLOT_TYPES,
        address: { movedFrom: "module.lex_bot_banking.aws_lexv2models_bot_locale.this" },
        intents: [
          ...custom,
          {
            name: "FallbackIntent",
            description: "Built-in fallback; the Lambda answers or escalates",
            builtIn: "AMAZON.FallbackIntent",
            utterances: [],
            dialogCodeHook: true,
            fulfillmentCodeHook: true,
          },
        ],
      },
    ],
  };
}
