import { loadFlowSet, type SimAction, type SimFlow } from "../../constructs/flows/simulator";
import { MAX_FALLBACKS } from "../../lambda/lex_fallback/handlers/general/fallback";

/**
 * Every menu of every shipped flow, read as a graph: where a caller goes who presses a key the menu
 * does not offer (or is not understood), or says nothing. The answer must be a prompt (the menu
 * again, or another question) or a hand-off (queue, callback, another flow), never the end of the
 * contact; and a way back to the same menu must pass a Loop, so the asking is bounded. Only the
 * normal way through each block is followed: a block's own failure is the fault scenarios' concern.
 */
const flows = loadFlowSet();

const PROMPTS = new Set(["GetParticipantInput", "ConnectParticipantWithLexBot"]);
const HAND_OFFS = new Set([
  "TransferContactToQueue",
  "TransferToFlow",
  "CreateCallbackContact",
  "InvokeFlowModule",
  "EndFlowModuleExecution",
]);
const ENDS = new Set(["DisconnectParticipant", "EndFlowExecution"]);
/** The branches a menu takes for a key it does not offer or an intent it does not list, and for silence. */
const MISSES = ["NoMatchingCondition", "InputTimeLimitExceeded"];

const isMenu = (a: SimAction) =>
  a.Type === "ConnectParticipantWithLexBot" ||
  (a.Type === "GetParticipantInput" && a.Parameters["StoreInput"] !== "True");

/** Where a block goes when nothing fails: its conditions, "no condition matched", else NextAction. */
function normalNext(a: SimAction): string[] {
  const t = a.Transitions;
  const conditions = (t.Conditions ?? []).map((c) => c.NextAction);
  const noMatch = (t.Errors ?? [])
    .filter((e) => e.ErrorType === "NoMatchingCondition")
    .map((e) => e.NextAction);
  if (conditions.length > 0 || noMatch.length > 0) return [...conditions, ...noMatch];
  return t.NextAction === undefined ? [] : [t.NextAction];
}

/** Blocks reached from `from` before any prompt, hand-off or end (`skipLoops`: never through a Loop). */
function reached(flow: SimFlow, from: string, skipLoops: boolean): SimAction[] {
  const seen = new Set<string>();
  const stops: SimAction[] = [];
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const a = flow.byId.get(id);
    if (a === undefined || seen.has(id)) continue;
    seen.add(id);
    if (PROMPTS.has(a.Type) || HAND_OFFS.has(a.Type) || ENDS.has(a.Type)) stops.push(a);
    else if (!(skipLoops && a.Type === "Loop")) queue.push(...normalNext(a));
  }
  return stops;
}

/** What a missed menu does, when it is not what a caller should get. */
function problemOf(flow: SimFlow, menu: SimAction, branch: string): string | undefined {
  const target = menu.Transitions.Errors?.find((e) => e.ErrorType === branch)?.NextAction;
  if (target === undefined) return undefined;
  const ends = reached(flow, target, false).filter((a) => ENDS.has(a.Type));
  if (ends.length > 0) return `ends the contact at ${ends.map((a) => a.Identifier).join(", ")}`;
  if (reached(flow, target, true).some((a) => a.Identifier === menu.Identifier))
    return "asks again without a bound";
  return undefined;
}

const problems = Object.fromEntries(
  [...flows.values()].flatMap((flow) =>
    flow.actions.filter(isMenu).flatMap((menu) =>
      MISSES.flatMap((branch) => {
        const problem = problemOf(flow, menu, branch);
        return problem === undefined ? [] : [[`${flow.name}/${menu.Identifier} ${branch}`, problem]];
      }),
    ),
  ),
);

describe("every menu, missed or left unanswered", () => {
  it("finds the menus of the voice, chat and AI-first flows", () => {
    const menus = [...flows.values()].flatMap((f) =>
      f.actions.filter(isMenu).map((a) => `${f.name}/${a.Identifier}`),
    );
    expect(menus).toEqual(
      expect.arrayContaining([
        "after_hours_flow/after-hours-menu",
        "voice_ivr_flow/dtmf-menu",
        "voice_ivr_flow/speech-menu",
        "auth_module_flow/choose-method",
        "callback_flow/callback-choice",
        "customer_queue_flow/offer-callback",
        "bedrock_primary_flow/sales-bot",
        "chat_entry_flow/chat-bot",
      ]),
    );
  });

  it("asks again a bounded number of times, then offers a callback or an advisor; the exceptions say why", () => {
    // The bot blocks below ask again through the code hook, not a Loop: after MAX_FALLBACKS misses
    // in a row it sets escalate, and the flow's Compare hands the contact to an advisor.
    expect(MAX_FALLBACKS).toBeLessThanOrEqual(3);
    const codeHookBound = "asks again without a bound";
    expect(problems).toStrictEqual({
      "bedrock_primary_flow/gateway-bot NoMatchingCondition": codeHookBound,
      "bedrock_primary_flow/banking-bot NoMatchingCondition": codeHookBound,
      "chat_entry_flow/anything-else NoMatchingCondition": codeHookBound,
      // A chat customer silent after the bot has helped, or after "are you still there?" with the
      // advisor offered, has left: the chat closes with a goodbye.
      "chat_entry_flow/anything-else InputTimeLimitExceeded": "ends the contact at disconnect",
      "chat_entry_flow/still-there InputTimeLimitExceeded": "ends the contact at disconnect",
      // The caller is already in the queue for an advisor: the callback offer comes back after
      // each stretch of hold music until an advisor answers.
      "customer_queue_flow/offer-callback NoMatchingCondition": "asks again without a bound",
      "customer_queue_flow/offer-callback InputTimeLimitExceeded": "asks again without a bound",
    });
  });
});
