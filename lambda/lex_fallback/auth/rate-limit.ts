import type { Deps } from "../handlers/types";
import type { BankingApi, RateAction } from "../ports";
import { logger } from "../shared/logger";
import { record, sendCompanion, type AuthContext, type Detail } from "./decisions";

/**
 * Takes one use of `action` for the contact and, when one is claimed, the customer. False (and
 * recorded as RATE_LIMITED) when either is used up. A limiter that cannot be reached lets the
 * operation through: the PIN lockout, not this, is what protects the account.
 */
export async function withinLimits(
  deps: Deps,
  contactId: string,
  customerId: string | undefined,
  action: RateAction,
  intent: string,
  operation?: string,
): Promise<boolean> {
  const { limits } = deps.ports;
  try {
    const scopes = [
      ["contact", contactId],
      ...(customerId ? [["customer", customerId] as const] : []),
    ] as const;
    for (const [scope, id] of scopes) {
      if (await limits.take(scope, id, action)) continue;
      await record(
        { deps, sessionId: contactId, intent },
        customerId ?? `unverified#${contactId}`,
        "RATE_LIMITED",
        { scope, action, ...(operation ? { operation } : {}) },
      );
      return false;
    }
    return true;
  } catch (error) {
    logger.warn("rate limiter unavailable; operation allowed", { action, error });
    return true;
  }
}

/**
 * Pushes a companion-app request if the contact's and the customer's limits allow one more
 * sensitive operation: every push lands on the customer's phone, from the flows, a voice turn or a
 * chat turn alike. False when limited (recorded as RATE_LIMITED); a failed push throws.
 */
export async function limitedCompanionPush(
  ctx: AuthContext,
  customerId: string,
  detail?: Detail,
): Promise<boolean> {
  if (!(await withinLimits(ctx.deps, ctx.sessionId, customerId, "sensitive", ctx.intent, "companion_push"))) {
    return false;
  }
  await sendCompanion(ctx, customerId, detail);
  return true;
}

/** A sensitive operation was not made: the contact or the customer has used up its limit. */
export class RateLimitedError extends Error {
  public override readonly name = "RateLimitedError";
  constructor(public readonly operation: string) {
    super(`${operation} refused: sensitive-operation limit reached`);
  }
}

/**
 * The bank as a sensitive intent sees it: each call about a customer's money first takes one
 * sensitive operation from the contact's and that customer's limits, and is not made
 * (RateLimitedError) when either is used up. Turns that only prompt, collect a slot or confirm
 * take nothing, so the limit counts what a caller actually asks of the bank. PIN checks have
 * their own, stricter bound (the lockout, reserved before the check) and are not counted again.
 */
export function meteredBanking(deps: Deps, contactId: string, intent: string): BankingApi {
  const bank = deps.ports.banking;
  const take = async (customerId: string, operation: keyof BankingApi): Promise<void> => {
    if (!(await withinLimits(deps, contactId, customerId, "sensitive", intent, operation)))
      throw new RateLimitedError(operation);
  };
  return {
    getBalance: async (c, account) => (await take(c, "getBalance"), bank.getBalance(c, account)),
    getTransactions: async (c, account, days) => (
      await take(c, "getTransactions"),
      bank.getTransactions(c, account, days)
    ),
    getAccountDetails: async (c, account) => (
      await take(c, "getAccountDetails"),
      bank.getAccountDetails(c, account)
    ),
    requestStatement: async (c, account, delivery) => (
      await take(c, "requestStatement"),
      bank.requestStatement(c, account, delivery)
    ),
    activateCard: async (c, last4) => (await take(c, "activateCard"), bank.activateCard(c, last4)),
    blockCards: async (c, cardType) => (await take(c, "blockCards"), bank.blockCards(c, cardType)),
    createDispute: async (c, amount, date) => (
      await take(c, "createDispute"),
      bank.createDispute(c, amount, date)
    ),
    moveMoney: async (c, movement) => (await take(c, "moveMoney"), bank.moveMoney(c, movement)),
    getLoan: async (c, loanType) => (await take(c, "getLoan"), bank.getLoan(c, loanType)),
    verifyPin: (c, pin) => bank.verifyPin(c, pin),
    // About a place, not a customer: not a sensitive operation.
    findBranch: (postcode) => bank.findBranch(postcode),
  };
}
