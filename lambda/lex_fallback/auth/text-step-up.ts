import { AUTH_PIN_SLOT } from "../intents";
import { confirmIntent } from "../lex/reply";
import { slotValue, type Turn } from "../lex/turn";
import { logger } from "../shared/logger";
import { companionAnswer, record, type AuthContext, type Detail } from "./decisions";
import { allowed, lockedOut, reply, toAgent, type GateResult } from "./outcomes";
import { limitedCompanionPush } from "./rate-limit";

/** Transfer reason the advisor sees when a chat customer still has to be verified. */
export const CHAT_VERIFICATION = "ChatVerification";

/** On every security event this path writes, so a chat decision is told apart from a voice one. */
const TEXT: Detail = { channel: "text" };

type AdvisorReason =
  | "companion-declined"
  | "companion-expired"
  | "companion-refused"
  | "companion-unavailable"
  | "companion-rate-limited";

const ADVISOR_LEAD: Readonly<Record<AdvisorReason, string>> = {
  "companion-declined": "The app request wasn't approved, so an advisor needs to confirm who you are.",
  "companion-expired": "The app request has expired, so an advisor needs to confirm who you are.",
  "companion-refused": "No problem: an advisor can confirm who you are instead.",
  "companion-unavailable": "For your security, an advisor needs to confirm who you are.",
  "companion-rate-limited": "For your security, an advisor needs to confirm who you are.",
};

/**
 * Step-up for a text turn (chat): never a PIN. Contact Lens in-flight redaction turns a typed PIN
 * into "[PIN]" before the bot sees it, a PIN it misses stays in the transcript the advisor reads,
 * and a text client can set any slot. So the companion app approves (a chat customer is signed in
 * to it already), whatever preferredAuth says, or an advisor verifies the customer.
 */
export async function textStepUp(turn: Turn, ctx: AuthContext, claimed: string): Promise<GateResult> {
  const { deps } = ctx;
  // A PIN that arrives anyway is only noted: never checked, counted, logged or echoed (lex/reply.ts).
  const pinSent = slotValue(turn, AUTH_PIN_SLOT) !== undefined;
  if (pinSent)
    await record(ctx, claimed, "AUTH_INPUT_REJECTED", { method: "PIN", reason: "pin-in-text", ...TEXT });
  const lead = pinSent ? "Please don't share your PIN in this chat: we never ask for it here. " : "";

  const pending = await deps.ports.auth.pendingCompanion(turn.contactId);
  if (pending !== undefined && pending.customerId === claimed) {
    if (turn.confirmationState === "Denied") return toAdvisor(turn, ctx, claimed, "companion-refused", lead);
    const answer = await companionAnswer(ctx, claimed, pending.requestId);
    // The yes that confirmed the app approval must not confirm the intent itself (e.g. a payment).
    if (answer === "approved") return allowed({ ...turn, confirmationState: "None" }, claimed);
    if (answer === "locked") return reply(lockedOut(turn, deps));
    if (answer === "pending") {
      return reply(
        confirmIntent(
          turn,
          `${lead}I haven't seen the approval yet. Once you've approved it in the app, reply yes.`,
        ),
      );
    }
    return toAdvisor(turn, ctx, claimed, `companion-${answer}`, lead);
  }

  if (deps.config.authPushTopicArn === undefined)
    return toAdvisor(turn, ctx, claimed, "companion-unavailable", lead);
  try {
    if (!(await limitedCompanionPush(ctx, claimed, { method: "COMPANION_APP", ...TEXT })))
      return toAdvisor(turn, ctx, claimed, "companion-rate-limited", lead);
  } catch (error) {
    logger.warn("companion push unavailable", { error });
    return toAdvisor(turn, ctx, claimed, "companion-unavailable", lead);
  }
  return reply(
    confirmIntent(turn, `${lead}I've sent a request to your banking app. Approve it there, then reply yes.`),
  );
}

async function toAdvisor(
  turn: Turn,
  ctx: AuthContext,
  claimed: string,
  reason: AdvisorReason,
  lead: string,
): Promise<GateResult> {
  await record(ctx, claimed, "AUTH_REQUIRED", { method: "ADVISOR", reason, ...TEXT });
  return reply(toAgent(turn, ctx.deps, `${lead}${ADVISOR_LEAD[reason]}`, CHAT_VERIFICATION, "Normal"));
}
