import { LAMBDA, lambda, QUEUE, type RuleCases, single } from "./support";

/** Cases for the reference-format rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    { name: "queue ARN", flow: single("UpdateContactTargetQueue", { QueueId: QUEUE }) },
    {
      name: "queue id as JSONPath",
      flow: single("UpdateContactTargetQueue", { QueueId: "$.Attributes.queue" }),
    },
    {
      name: "unresolved cdktf token",
      flow: single("UpdateContactTargetQueue", { QueueId: "${TfToken[TOKEN.42]}" }),
    },
    {
      name: "Lambda alias ARN",
      flow: single("InvokeLambdaFunction", lambda({ LambdaFunctionARN: `${LAMBDA}:live` })),
    },
  ],
  invalid: [
    {
      name: "placeholder module id from the guide",
      flow: single("InvokeFlowModule", { FlowModuleId: "opt-out-flow-id-here" }),
      messageId: "badReference",
      path: "Actions[0].Parameters.FlowModuleId",
    },
    {
      name: "Lex bot id instead of alias ARN",
      flow: single("ConnectParticipantWithLexBot", { Text: "x", LexV2Bot: { AliasArn: "ABCDEFGHIJ" } }),
      messageId: "badReference",
      path: "Actions[0].Parameters.LexV2Bot.AliasArn",
    },
    {
      name: "queue ARN where a flow is expected",
      flow: single("TransferToFlow", { ContactFlowId: QUEUE }),
      messageId: "badReference",
      path: "Actions[0].Parameters.ContactFlowId",
    },
  ],
};
