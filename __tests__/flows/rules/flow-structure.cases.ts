import { disconnect, flowOf, msg, type RuleCases } from "./support";

/** Cases for the flow-structure rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "minimal flow with Metadata",
      flow: flowOf([msg("a", "end"), disconnect()], { Metadata: { x: 1 } }),
    },
  ],
  invalid: [
    { name: "array instead of object", flow: [], messageId: "notObject", path: "" },
    {
      name: "Version 2020",
      flow: flowOf([disconnect()], { Version: "2020-01-01" }),
      messageId: "badVersion",
      path: "Version",
    },
    {
      name: "no Actions",
      flow: { Version: "2019-10-30", StartAction: "a" },
      messageId: "missingField",
      path: "Actions",
    },
    {
      name: "unknown top-level key",
      flow: flowOf([disconnect()], { Foo: 1 }),
      messageId: "unknownField",
      path: "Foo",
    },
    {
      name: "Actions is an object",
      flow: { Version: "2019-10-30", StartAction: "a", Actions: {} },
      messageId: "wrongType",
      path: "Actions",
    },
    {
      name: "action is a string",
      flow: flowOf([disconnect()], { Actions: ["x"] }),
      messageId: "actionNotObject",
      path: "Actions[0]",
    },
    {
      name: "action without Transitions",
      flow: flowOf([{ Identifier: "end", Type: "DisconnectParticipant", Parameters: {} }]),
      messageId: "actionField",
      path: "Actions[0].Transitions",
    },
    {
      name: "unknown action key",
      flow: flowOf([{ ...disconnect(), Comment: "x" }]),
      messageId: "unknownActionField",
      path: "Actions[0].Comment",
    },
  ],
};
