import { HANDLED_INTENTS, SENSITIVE_INTENTS } from "../../lambda/lex_fallback/intents";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { harness } from "./support/in-memory-ports";
import { lexEvent, loadEvent } from "./support/events";

describe("CheckBalance", () => {
  it("answers an authenticated session with the whole Close response and never echoes the PIN", async () => {
    const h = harness();
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const response = await handleTurn(loadEvent("CheckBalance", "with-pin"), h.deps);
    expect(response).toStrictEqual({
      sessionState: {
        dialogAction: { type: "Close" },
        intent: {
          name: "CheckBalance",
          state: "Fulfilled",
          confirmationState: "None",
          slots: {
            AccountType: {
              shape: "Scalar",
              value: { originalValue: "current", interpretedValue: "current", resolvedValues: ["current"] },
            },
            Pin: null,
          },
        },
        sessionAttributes: { customerId: "c-123" },
      },
      messages: [
        {
          contentType: "PlainText",
          content:
            "Your current account ending in 1234 has an available balance of £1,024.50 and a current balance of £1,100.00.",
        },
      ],
    });
  });

  it("speaks the account digits one by one on voice", async () => {
    const h = harness();
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const response = await handleTurn(loadEvent("CheckBalance", "speech"), h.deps);
    expect(response.messages?.[0]?.contentType).toBe("SSML");
    expect(response.messages?.[0]?.content).toContain('<say-as interpret-as="digits">1234</say-as>');
  });

  it("elicits AccountType on the dialog hook when it is missing", async () => {
    const h = harness();
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const response = await handleTurn(loadEvent("CheckBalance", "no-account-type"), h.deps);
    expect(response.sessionState.dialogAction).toStrictEqual({
      type: "ElicitSlot",
      slotToElicit: "AccountType",
    });
    expect(response.sessionState.intent?.state).toBe("InProgress");
  });

  it("accepts the 2023 {score} confidence shape", async () => {
    const h = harness();
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const response = await handleTurn(loadEvent("CheckBalance", "legacy-confidence"), h.deps);
    expect(response.sessionState.intent?.state).toBe("Fulfilled");
  });
});

describe("every intent", () => {
  const filled: Record<string, Record<string, string>> = {
    CheckBalance: { AccountType: "savings" },
    TransactionHistory: { AccountType: "current", DateRange: "7" },
    AccountDetails: { AccountType: "current" },
    RequestStatement: { AccountType: "current", DeliveryMethod: "email" },
    ActivateCard: { CardLastFour: "9876" },
    DisputeTransaction: { TransactionAmount: "45.20", TransactionDate: "2026-11-20" },
    InternalTransfer: { FromAccount: "current", ToAccount: "savings", Amount: "100" },
    ExternalTransfer: { Payee: "Mum", Amount: "50", Reference: "Birthday" },
    LoanStatus: { LoanType: "personal loan" },
    LoanPayment: { LoanType: "personal loan", PaymentAmount: "100" },
    LoanApplication: { LoanType: "mortgage", LoanAmount: "200000" },
    BranchLocator: { Postcode: "SW1A 1AA" },
  };
  const moneyMoving = new Set(["InternalTransfer", "ExternalTransfer", "LoanPayment"]);

  it.each(HANDLED_INTENTS.filter((i) => i !== "FallbackIntent"))(
    "%s fulfils with every slot filled for a verified caller",
    async (intent) => {
      const h = harness();
      h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
      const confirmation = moneyMoving.has(intent) ? "Confirmed" : "None";
      const response = await handleTurn(
        lexEvent(intent, { slots: filled[intent] ?? {}, confirmation, attributes: { customerId: "c-123" } }),
        h.deps,
      );
      expect(response.sessionState.dialogAction).toStrictEqual({ type: "Close" });
      expect(response.sessionState.intent?.name).toBe(intent);
      expect(response.sessionState.intent?.state).toBe("Fulfilled");
      expect(response.messages?.[0]?.content.length).toBeGreaterThan(10);
    },
  );

  it.each(SENSITIVE_INTENTS)(
    "%s asks for the PIN when the session is not authenticated, whatever the attributes claim",
    async (intent) => {
      const h = harness();
      const response = await handleTurn(
        lexEvent(intent, {
          slots: filled[intent] ?? {},
          attributes: {
            customerId: "c-123",
            authenticated: "true",
            isAuthenticated: "true",
            AuthLevel: "high",
          },
          inputMode: "Speech",
        }),
        h.deps,
      );
      expect(response.sessionState.dialogAction).toStrictEqual({ type: "ElicitSlot", slotToElicit: "Pin" });
      expect(h.security.events.map((e) => e.type)).toStrictEqual(["AUTH_REQUIRED"]);
    },
  );
});

describe("money movement", () => {
  it("asks to confirm before moving money and moves nothing on the first pass", async () => {
    const moves: unknown[] = [];
    const h = harness({ bank: { moveMoney: async (_c, m) => (moves.push(m), { reference: "TX" }) } });
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const response = await handleTurn(
      lexEvent("InternalTransfer", {
        slots: { FromAccount: "current", ToAccount: "savings", Amount: "100" },
      }),
      h.deps,
    );
    expect(response.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(response.messages?.[0]?.content).toBe(
      "That's £100.00 from your current account to your savings account. Shall I go ahead?",
    );
    expect(moves).toHaveLength(0);
  });

  it("refuses a transfer to the same account", async () => {
    const h = harness();
    h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
    const response = await handleTurn(
      lexEvent("InternalTransfer", {
        slots: { FromAccount: "savings", ToAccount: "savings", Amount: "100" },
        confirmation: "Confirmed",
      }),
      h.deps,
    );
    expect(response.sessionState.dialogAction).toStrictEqual({
      type: "ElicitSlot",
      slotToElicit: "ToAccount",
    });
  });
});
