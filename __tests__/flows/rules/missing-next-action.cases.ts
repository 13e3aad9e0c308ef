import { disconnect, errors, flowOf, type RuleCases, single, when } from "./support";

/** Cases for the missing-next-action rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "MessageParticipantIteratively without NextAction",
      flowType: "CUSTOMER_QUEUE",
      flow: single(
        "MessageParticipantIteratively",
        { Messages: [{ Text: "x" }] },
        { Conditions: when(["Equals", "MessagesInterrupted"]) },
      ),
    },
    { name: "terminal action with {}", flow: flowOf([disconnect()]) },
  ],
  invalid: [
    {
      name: "message without NextAction",
      flow: single("MessageParticipant", { Text: "x" }, { Errors: errors("NoMatchingError") }),
      messageId: "missing",
      path: "Actions[0].Transitions.NextAction",
    },
  ],
};
