import { type RuleCases, single } from "./support";

/** Cases for the unknown-action-type rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    { name: "ShowView (catalogued from its flow-language page)", flow: single("ShowView", {}) },
    { name: "CreateCase (catalogued from its flow-language page)", flow: single("CreateCase", {}) },
    { name: "GetCase (catalogued from its flow-language page)", flow: single("GetCase", {}) },
    {
      name: "CreateCustomerProfile (catalogued from its flow-language page)",
      flow: single("CreateCustomerProfile", {}),
    },
    {
      name: "GetCustomerProfile (catalogued from its flow-language page)",
      flow: single("GetCustomerProfile", {}),
    },
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
