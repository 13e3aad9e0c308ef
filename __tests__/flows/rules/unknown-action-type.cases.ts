import { type RuleCases, single } from "./support";

/** Cases for the unknown-action-type rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "TagContact (console-only block in the table)",
      flow: single("TagContact", { Tags: { a: "b" } }),
    },
  ],
  invalid: [
    {
      name: "CheckAttribute from the original stack",
      flow: single("CheckAttribute", {}),
      messageId: "unknownType",
      path: "Actions[0].Type",
    },
    {
      name: "TransferContactToFlow misspelling",
      flow: single("TransferContactToFlow", { ContactFlowId: "$.x" }),
      messageId: "unknownType",
      path: "Actions[0].Type",
    },
  ],
};
