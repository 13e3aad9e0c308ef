import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import type { AccountType, Balance } from "../../lambda/lex_fallback/ports";
import { lexEvent } from "./support/events";
import { harness } from "./support/in-memory-ports";

/** Each way of moving money, its filled slots, and the account the money leaves. */
const MOVES: ReadonlyArray<readonly [string, Record<string, string>, AccountType, string]> = [
  [
    "InternalTransfer",
    { FromAccount: "savings", ToAccount: "current", Amount: "1250.5" },
    "savings",
    "That's €1,250.50 from your savings account to your current account. Shall I go ahead?",
  ],
  [
    "ExternalTransfer",
    { Payee: "Mum", Amount: "1250.5", Reference: "Birthday" },
    "current",
    "That's €1,250.50 to Mum with reference Birthday. Shall I go ahead?",
  ],
  [
    "LoanPayment",
    { LoanType: "personal loan", PaymentAmount: "1250.5" },
    "current",
    "That's a payment of €1,250.50 from your current account to your personal loan. Shall I go ahead?",
  ],
];

/** A signed-in caller whose accounts are in euros (or whose balance answer is `getBalance`); records the accounts asked about. */
function euroCustomer(getBalance?: () => Promise<Balance>) {
  const asked: AccountType[] = [];
  const h = harness({
    bank: {
      getBalance: async (_customer, account) => {
        asked.push(account);
        if (getBalance) return getBalance();
        return { available: 5000, current: 5000, currency: "EUR", accountLast4: "1234" };
      },
    },
  });
  h.auth.sessions.set("contact-7f3e", { customerId: "c-123", method: "PIN" });
  return { h, asked };
}

const ask = (intent: string, slots: Record<string, string>, confirmation = "None") =>
  lexEvent(intent, {
    slots,
    confirmation,
    attributes: { customerId: "c-123" },
    source: "DialogCodeHook",
  });

describe("transfer confirmations read the amount in the paying account's currency, as balances are", () => {
  it.each(MOVES)("%s: a euro account is confirmed in euros", async (intent, slots, account, summary) => {
    const { h, asked } = euroCustomer();
    const reply = await handleTurn(ask(intent, slots), h.deps);
    expect(reply.sessionState.dialogAction).toStrictEqual({ type: "ConfirmIntent" });
    expect(reply.messages?.[0]?.content).toBe(summary);
    expect(asked).toStrictEqual([account]);
  });

  it("the balance service down: the amount is read with no currency rather than a guessed one, and the payment still goes through", async () => {
    const { h } = euroCustomer(async () => {
      throw new Error("balance service unavailable");
    });
    const slots = { FromAccount: "current", ToAccount: "savings", Amount: "100" };
    const confirm = await handleTurn(ask("InternalTransfer", slots), h.deps);
    expect(confirm.messages?.[0]?.content).toBe(
      "That's 100.00 from your current account to your savings account. Shall I go ahead?",
    );
    const moved = await handleTurn(
      lexEvent("InternalTransfer", { slots, confirmation: "Confirmed", attributes: { customerId: "c-123" } }),
      h.deps,
    );
    expect(moved.sessionState.intent?.state).toBe("Fulfilled");
    expect(moved.messages?.[0]?.content).not.toMatch(/[£€$]/);
  });

  it("an external payment over the self-service limit is handed over without naming pounds", async () => {
    const { h } = euroCustomer();
    const reply = await handleTurn(
      ask("ExternalTransfer", { Payee: "Mum", Amount: "20000", Reference: "Deposit" }),
      h.deps,
    );
    expect(reply.sessionState.sessionAttributes?.transferReason).toBe("LargeExternalPayment");
    expect(reply.messages?.[0]?.content).not.toContain("£");
  });
});
