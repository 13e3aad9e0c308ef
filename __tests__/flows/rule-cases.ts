import type { FlowType } from "../../constructs/flows/types";
import { conditions as when, disconnect, errors, flowOf, single } from "./fixtures";

/** A flow that must not trigger the rule. */
export interface ValidCase {
  readonly name: string;
  readonly flow: unknown;
  readonly flowType?: FlowType;
}
/** A flow that must trigger the rule with this message id at this path. */
export interface InvalidCase extends ValidCase {
  readonly messageId: string;
  readonly path: string;
}
export interface RuleCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

const msg = (
  id: string,
  next: string,
  extra: Record<string, unknown> = {},
): { Identifier: string; Type: string } & Record<string, unknown> => ({
  Identifier: id,
  Type: "MessageParticipant",
  Parameters: { Text: "hi" },
  Transitions: { NextAction: next },
  ...extra,
});
const BOT = "arn:aws:lex:eu-west-2:123456789012:bot-alias/ABCDEFGHIJ/TSTALIASID";
const LAMBDA = "arn:aws:lambda:eu-west-2:123456789012:function:auth";
const QUEUE =
  "arn:aws:connect:eu-west-2:123456789012:instance/11111111-2222-3333-4444-555555555555/queue/0a1b2c3d-0000-4000-8000-000000000001";
const lambda = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  LambdaFunctionARN: LAMBDA,
  InvocationTimeLimitSeconds: "8",
  ...extra,
});
const SETTINGS = { InputParameters: [], OutputParameters: [], Transitions: [] };
const endModule = { Identifier: "end", Type: "EndFlowModuleExecution", Parameters: {}, Transitions: {} };

export const RULE_CASES: Readonly<Record<string, RuleCases>> = {
  "flow-structure": {
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
  },
  "flow-size": {
    valid: [
      {
        name: "250 actions",
        flow: flowOf([
          ...Array.from({ length: 249 }, (_, i) => msg(`m${i}`, i === 248 ? "end" : `m${i + 1}`)),
          disconnect(),
        ]),
      },
    ],
    invalid: [
      {
        name: "251 actions",
        flow: flowOf([
          ...Array.from({ length: 250 }, (_, i) => msg(`m${i}`, i === 249 ? "end" : `m${i + 1}`)),
          disconnect(),
        ]),
        messageId: "tooManyActions",
        path: "Actions",
      },
      {
        name: "content over 256000 characters",
        flow: flowOf([msg("a", "end", { Parameters: { Text: "x".repeat(256001) } }), disconnect()]),
        messageId: "contentTooLong",
        path: "",
      },
    ],
  },
  "start-action": {
    valid: [{ name: "StartAction names the first action", flow: flowOf([msg("a", "end"), disconnect()]) }],
    invalid: [
      {
        name: "StartAction names nothing",
        flow: flowOf([disconnect()], { StartAction: "missing" }),
        messageId: "unknownStart",
        path: "StartAction",
      },
    ],
  },
  "identifier-format": {
    valid: [
      {
        name: "console-style friendly names with spaces, ? and *",
        flow: flowOf([msg("CCC Billing?", "***End Call***"), disconnect("***End Call***")]),
      },
      { name: "unicode, exactly 50 characters", flow: flowOf([msg("é".repeat(50), "end"), disconnect()]) },
    ],
    invalid: [
      {
        name: "duplicate identifier",
        flow: flowOf([msg("end", "end"), disconnect()]),
        messageId: "duplicate",
        path: "Actions[1].Identifier",
      },
      {
        name: "51 characters",
        flow: flowOf([msg("a".repeat(51), "end"), disconnect()]),
        messageId: "tooLong",
        path: "Actions[0].Identifier",
      },
      {
        name: "colon",
        flow: flowOf([msg("step:1", "end"), disconnect()]),
        messageId: "forbiddenChar",
        path: "Actions[0].Identifier",
      },
      {
        name: "curly brace",
        flow: flowOf([msg("a{b", "end"), disconnect()]),
        messageId: "forbiddenChar",
        path: "Actions[0].Identifier",
      },
      {
        name: "__proto__",
        flow: flowOf([msg("__proto__", "end"), disconnect()]),
        messageId: "reserved",
        path: "Actions[0].Identifier",
      },
      {
        name: "empty",
        flow: flowOf([msg("", "end"), disconnect()]),
        messageId: "empty",
        path: "Actions[0].Identifier",
      },
    ],
  },
  "transition-target": {
    valid: [
      {
        name: "error and condition branches to existing actions",
        flow: single(
          "Compare",
          { ComparisonValue: "$.Attributes.x" },
          { NextAction: "end", Errors: errors("NoMatchingCondition"), Conditions: when(["Equals", "a"]) },
        ),
      },
    ],
    invalid: [
      {
        name: "NextAction to a missing action",
        flow: flowOf([msg("a", "nowhere"), disconnect()]),
        messageId: "unknownTarget",
        path: "Actions[0].Transitions.NextAction",
      },
      {
        name: "error branch to a missing action",
        flow: single(
          "MessageParticipant",
          { Text: "x" },
          { NextAction: "end", Errors: [{ ErrorType: "NoMatchingError", NextAction: "gone" }] },
        ),
        messageId: "unknownTarget",
        path: "Actions[0].Transitions.Errors[0].NextAction",
      },
      {
        name: "numeric NextAction",
        flow: flowOf([msg("a", "end", { Transitions: { NextAction: 3 } }), disconnect()]),
        messageId: "notString",
        path: "Actions[0].Transitions.NextAction",
      },
    ],
  },
  "missing-next-action": {
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
  },
  "terminal-transitions": {
    valid: [
      {
        name: "disconnect with empty Errors and Conditions lists",
        flow: flowOf([{ ...disconnect(), Transitions: { Errors: [], Conditions: [] } }]),
      },
    ],
    invalid: [
      {
        name: "disconnect with NextAction",
        flow: flowOf([msg("a", "end"), { ...disconnect(), Transitions: { NextAction: "a" } }]),
        messageId: "hasTransitions",
        path: "Actions[1].Transitions",
      },
    ],
  },
  "unreachable-action": {
    valid: [
      {
        name: "action reached only through an error branch",
        flow: single(
          "MessageParticipant",
          { Text: "x" },
          { NextAction: "end", Errors: [{ ErrorType: "NoMatchingError", NextAction: "oops" }] },
        ),
      },
    ],
    invalid: [
      {
        name: "orphan message",
        flow: flowOf([msg("a", "end"), disconnect(), msg("orphan", "end")]),
        messageId: "unreachable",
        path: "Actions[2]",
      },
    ],
  },
  "no-path-to-end": {
    valid: [
      {
        name: "retry loop with an exit",
        flow: flowOf([
          msg("a", "b"),
          {
            ...msg("b", "a"),
            Transitions: { NextAction: "a", Errors: [{ ErrorType: "NoMatchingError", NextAction: "end" }] },
          },
          disconnect(),
        ]),
      },
      {
        name: "closed loop in a customer queue flow",
        flowType: "CUSTOMER_QUEUE",
        flow: flowOf([msg("a", "b"), msg("b", "a")]),
      },
    ],
    invalid: [
      {
        name: "two messages pointing at each other",
        flow: flowOf([msg("a", "b"), msg("b", "a")]),
        messageId: "trapped",
        path: "Actions[0]",
      },
    ],
  },
  "action-parameters": {
    valid: [
      {
        name: "TransferContactToQueue without Parameters (console export)",
        flow: single("TransferContactToQueue", undefined, {
          NextAction: "end",
          Errors: errors("QueueAtCapacity", "NoMatchingError"),
        }),
      },
      {
        name: "GetParticipantInput storing input with validation",
        flow: single(
          "GetParticipantInput",
          { Text: "x", StoreInput: "True", InputValidation: { CustomValidation: { MaximumLength: "4" } } },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
      },
      {
        name: "CallbackNumber as JSONPath",
        flow: single("UpdateContactCallbackNumber", { CallbackNumber: "$.CustomerEndpoint.Address" }),
      },
    ],
    invalid: [
      {
        name: "message without Parameters",
        flow: single("MessageParticipant", undefined),
        messageId: "missingParameters",
        path: "Actions[0]",
      },
      {
        name: "Lambda without ARN",
        flow: single("InvokeLambdaFunction", { InvocationTimeLimitSeconds: "3" }),
        messageId: "missingRequired",
        path: "Actions[0].Parameters.LambdaFunctionARN",
      },
      {
        name: "message with no prompt",
        flow: single("MessageParticipant", {}),
        messageId: "noneOf",
        path: "Actions[0].Parameters",
      },
      {
        name: "message with Text and SSML",
        flow: single("MessageParticipant", { Text: "a", SSML: "<speak>a</speak>" }),
        messageId: "severalOf",
        path: "Actions[0].Parameters.SSML",
      },
      {
        name: "GetParticipantInput with a Lex bot",
        flow: single(
          "GetParticipantInput",
          { Text: "x", LexV2Bot: { AliasArn: BOT } },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
        messageId: "forbidden",
        path: "Actions[0].Parameters.LexV2Bot",
      },
      {
        name: "StoreInput True without InputValidation",
        flow: single(
          "GetParticipantInput",
          { Text: "x", StoreInput: "True" },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
        messageId: "requiredWhen",
        path: "Actions[0].Parameters.InputValidation",
      },
      {
        name: "InputValidation while StoreInput False",
        flow: single(
          "GetParticipantInput",
          { Text: "x", StoreInput: "False", InputValidation: { CustomValidation: { MaximumLength: "4" } } },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
        messageId: "forbiddenWhen",
        path: "Actions[0].Parameters.InputValidation",
      },
      {
        name: "two event hooks in one block",
        flow: single("UpdateContactEventHooks", {
          EventHooks: { CustomerQueue: "$.x", CustomerRemaining: "$.y" },
        }),
        messageId: "singleKey",
        path: "Actions[0].Parameters.EventHooks",
      },
      {
        name: "InvocationType lowercase",
        flow: single("InvokeLambdaFunction", lambda({ InvocationType: "sync" })),
        messageId: "badEnum",
        path: "Actions[0].Parameters.InvocationType",
      },
      {
        name: "static callback number",
        flow: single("UpdateContactCallbackNumber", { CallbackNumber: "+441234567890" }),
        messageId: "jsonPathOnly",
        path: "Actions[0].Parameters.CallbackNumber",
      },
    ],
  },
  "reference-format": {
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
  },
  "numeric-limits": {
    valid: [
      { name: "timeout 8 as a string", flow: single("InvokeLambdaFunction", lambda()) },
      {
        name: "LoopCount 0 as a number",
        flow: single(
          "Loop",
          { LoopCount: 0 },
          { NextAction: "end", Conditions: when(["Equals", "ContinueLooping"], ["Equals", "DoneLooping"]) },
        ),
      },
      {
        name: "InputTimeLimitSeconds as JSONPath",
        flow: single(
          "GetParticipantInput",
          { Text: "x", InputTimeLimitSeconds: "$.Attributes.t" },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
      },
    ],
    invalid: [
      {
        name: "Lambda timeout 9",
        flow: single("InvokeLambdaFunction", lambda({ InvocationTimeLimitSeconds: "9" })),
        messageId: "outOfRange",
        path: "Actions[0].Parameters.InvocationTimeLimitSeconds",
      },
      {
        name: "Lambda timeout from JSONPath",
        flow: single("InvokeLambdaFunction", lambda({ InvocationTimeLimitSeconds: "$.Attributes.t" })),
        messageId: "mustBeStatic",
        path: "Actions[0].Parameters.InvocationTimeLimitSeconds",
      },
      {
        name: "LoopCount 101",
        flow: single(
          "Loop",
          { LoopCount: "101" },
          { NextAction: "end", Conditions: when(["Equals", "ContinueLooping"], ["Equals", "DoneLooping"]) },
        ),
        messageId: "outOfRange",
        path: "Actions[0].Parameters.LoopCount",
      },
      {
        name: "LoopCount 2.5",
        flow: single(
          "Loop",
          { LoopCount: "2.5" },
          { NextAction: "end", Conditions: when(["Equals", "ContinueLooping"], ["Equals", "DoneLooping"]) },
        ),
        messageId: "notInteger",
        path: "Actions[0].Parameters.LoopCount",
      },
      {
        name: "InputTimeLimitSeconds five",
        flow: single(
          "GetParticipantInput",
          { Text: "x", InputTimeLimitSeconds: "five" },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
        messageId: "notNumber",
        path: "Actions[0].Parameters.InputTimeLimitSeconds",
      },
    ],
  },
  "error-types": {
    valid: [
      {
        name: "transfer with both queue errors",
        flow: single(
          "TransferContactToQueue",
          {},
          { NextAction: "end", Errors: errors("QueueAtCapacity", "NoMatchingError") },
        ),
      },
      {
        name: "InvalidPhoneNumber with phone validation",
        flow: single(
          "GetParticipantInput",
          {
            Text: "x",
            StoreInput: "True",
            InputValidation: { PhoneNumberValidation: { NumberFormat: "Local", CountryCode: "GB" } },
          },
          { NextAction: "end", Errors: errors("NoMatchingError", "InvalidPhoneNumber") },
        ),
      },
    ],
    invalid: [
      {
        name: "Compare with NoMatchingError",
        flow: single(
          "Compare",
          { ComparisonValue: "$.Attributes.x" },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
        messageId: "notAllowed",
        path: "Actions[0].Transitions.Errors[0].ErrorType",
      },
      {
        name: "UpdateFlowLoggingBehavior with Errors",
        flow: single(
          "UpdateFlowLoggingBehavior",
          { FlowLoggingBehavior: "Enabled" },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
        messageId: "noErrors",
        path: "Actions[0].Transitions.Errors",
      },
      {
        name: "GetParticipantInput without NoMatchingError",
        flow: single(
          "GetParticipantInput",
          { Text: "x" },
          { NextAction: "end", Errors: errors("InputTimeLimitExceeded") },
        ),
        messageId: "missingRequired",
        path: "Actions[0].Transitions.Errors",
      },
      {
        name: "NoMatchingCondition while storing input",
        flow: single(
          "GetParticipantInput",
          { Text: "x", StoreInput: "True", InputValidation: { CustomValidation: { MaximumLength: "4" } } },
          { NextAction: "end", Errors: errors("NoMatchingError", "NoMatchingCondition") },
        ),
        messageId: "notAllowed",
        path: "Actions[0].Transitions.Errors[1].ErrorType",
      },
      {
        name: "numeric ErrorType",
        flow: single(
          "MessageParticipant",
          { Text: "x" },
          { NextAction: "end", Errors: [{ ErrorType: 1, NextAction: "end" }] },
        ),
        messageId: "notString",
        path: "Actions[0].Transitions.Errors[0].ErrorType",
      },
      {
        name: "same error twice",
        flow: single(
          "MessageParticipant",
          { Text: "x" },
          { NextAction: "end", Errors: errors("NoMatchingError", "NoMatchingError") },
        ),
        messageId: "duplicate",
        path: "Actions[0].Transitions.Errors[1].ErrorType",
      },
    ],
  },
  "condition-operands": {
    valid: [
      {
        name: "hours True and False in either order",
        flow: single(
          "CheckHoursOfOperation",
          {},
          { NextAction: "end", Conditions: when(["Equals", "False"], ["Equals", "True"]) },
        ),
      },
      {
        name: "DTMF keys 0, * and #",
        flow: single(
          "GetParticipantInput",
          { Text: "x" },
          {
            NextAction: "end",
            Errors: errors("NoMatchingError"),
            Conditions: when(["Equals", "0"], ["Equals", "*"], ["Equals", "#"]),
          },
        ),
      },
      {
        name: "percentage chain",
        flow: single(
          "DistributeByPercentage",
          {},
          { NextAction: "end", Conditions: when(["NumberLessThan", "30"], ["NumberLessThan", "100"]) },
        ),
      },
      {
        name: "queue-length metric with a number operator",
        flow: single(
          "CheckMetricData",
          { MetricType: "NumberOfContactsInQueue" },
          { NextAction: "end", Conditions: when(["NumberGreaterOrEqualTo", "10"]) },
        ),
      },
      {
        name: "Compare text operators",
        flow: single(
          "Compare",
          { ComparisonValue: "$.Attributes.x" },
          { NextAction: "end", Conditions: when(["TextStartsWith", "VIP"]) },
        ),
      },
    ],
    invalid: [
      {
        name: "hours with only False",
        flow: single(
          "CheckHoursOfOperation",
          {},
          { NextAction: "end", Conditions: when(["Equals", "False"]) },
        ),
        messageId: "exactBranches",
        path: "Actions[0].Transitions.Conditions",
      },
      {
        name: "hours with lowercase true",
        flow: single(
          "CheckHoursOfOperation",
          {},
          { NextAction: "end", Conditions: when(["Equals", "true"], ["Equals", "False"]) },
        ),
        messageId: "fixedOperand",
        path: "Actions[0].Transitions.Conditions[0].Condition.Operands",
      },
      {
        name: "Loop missing DoneLooping",
        flow: single(
          "Loop",
          { LoopCount: "2" },
          { NextAction: "end", Conditions: when(["Equals", "ContinueLooping"]) },
        ),
        messageId: "exactBranches",
        path: "Actions[0].Transitions.Conditions",
      },
      {
        name: "two-character DTMF operand",
        flow: single(
          "GetParticipantInput",
          { Text: "x" },
          { NextAction: "end", Errors: errors("NoMatchingError"), Conditions: when(["Equals", "12"]) },
        ),
        messageId: "dtmfOperand",
        path: "Actions[0].Transitions.Conditions[0].Condition.Operands",
      },
      {
        name: "DTMF with TextContains",
        flow: single(
          "GetParticipantInput",
          { Text: "x" },
          { NextAction: "end", Errors: errors("NoMatchingError"), Conditions: when(["TextContains", "1"]) },
        ),
        messageId: "operatorNotAllowed",
        path: "Actions[0].Transitions.Conditions[0].Condition",
      },
      {
        name: "conditions while storing input",
        flow: single(
          "GetParticipantInput",
          { Text: "x", StoreInput: "True", InputValidation: { CustomValidation: { MaximumLength: "4" } } },
          { NextAction: "end", Errors: errors("NoMatchingError"), Conditions: when(["Equals", "1"]) },
        ),
        messageId: "dtmfStoreInput",
        path: "Actions[0].Transitions.Conditions",
      },
      {
        name: "Contains is not an operator",
        flow: single(
          "Compare",
          { ComparisonValue: "$.x" },
          { NextAction: "end", Conditions: when(["Contains", "a"]) },
        ),
        messageId: "unknownOperator",
        path: "Actions[0].Transitions.Conditions[0].Condition",
      },
      {
        name: "message with conditions",
        flow: single(
          "MessageParticipant",
          { Text: "x" },
          { NextAction: "end", Conditions: when(["Equals", "a"]) },
        ),
        messageId: "noConditions",
        path: "Actions[0].Transitions.Conditions",
      },
      {
        name: "staffed agents NumberGreaterThan 2",
        flow: single(
          "CheckMetricData",
          { MetricType: "NumberOfAgentsStaffed" },
          { NextAction: "end", Conditions: when(["NumberGreaterThan", "2"]) },
        ),
        messageId: "agentMetric",
        path: "Actions[0].Transitions.Conditions[0].Condition",
      },
      {
        name: "percentage 0",
        flow: single(
          "DistributeByPercentage",
          {},
          { NextAction: "end", Conditions: when(["NumberLessThan", "0"]) },
        ),
        messageId: "percentageOperand",
        path: "Actions[0].Transitions.Conditions[0].Condition.Operands",
      },
      {
        name: "NumberGreaterThan against text",
        flow: single(
          "Compare",
          { ComparisonValue: "$.x" },
          { NextAction: "end", Conditions: when(["NumberGreaterThan", "many"]) },
        ),
        messageId: "numericOperand",
        path: "Actions[0].Transitions.Conditions[0].Condition.Operands",
      },
      {
        name: "empty operands",
        flow: single(
          "Compare",
          { ComparisonValue: "$.x" },
          {
            NextAction: "end",
            Conditions: [{ NextAction: "end", Condition: { Operator: "Equals", Operands: [] } }],
          },
        ),
        messageId: "badOperands",
        path: "Actions[0].Transitions.Conditions[0].Condition.Operands",
      },
      {
        name: "Compare with two operands",
        flow: single(
          "Compare",
          { ComparisonValue: "$.x" },
          {
            NextAction: "end",
            Conditions: [{ NextAction: "end", Condition: { Operator: "Equals", Operands: ["a", "b"] } }],
          },
        ),
        messageId: "singleOperand",
        path: "Actions[0].Transitions.Conditions[0].Condition.Operands",
      },
      {
        name: "51 Lex intent branches",
        flow: single(
          "ConnectParticipantWithLexBot",
          { Text: "x", LexV2Bot: { AliasArn: BOT } },
          {
            NextAction: "end",
            Conditions: when(
              ...Array.from({ length: 51 }, (_, i): [string, string] => ["Equals", `Intent${i}`]),
            ),
          },
        ),
        messageId: "tooMany",
        path: "Actions[0].Transitions.Conditions",
      },
      {
        name: "same Lex intent twice",
        flow: single(
          "ConnectParticipantWithLexBot",
          { Text: "x", LexV2Bot: { AliasArn: BOT } },
          { NextAction: "end", Conditions: when(["Equals", "A"], ["Equals", "A"]) },
        ),
        messageId: "duplicate",
        path: "Actions[0].Transitions.Conditions[1].Condition",
      },
    ],
  },
  "flow-type-restriction": {
    valid: [
      {
        name: "EndFlowExecution in a whisper flow",
        flowType: "AGENT_WHISPER",
        flow: flowOf([{ Identifier: "end", Type: "EndFlowExecution", Parameters: {}, Transitions: {} }]),
      },
      {
        name: "transfer in a queue transfer flow",
        flowType: "QUEUE_TRANSFER",
        flow: single(
          "TransferContactToQueue",
          {},
          { NextAction: "end", Errors: errors("QueueAtCapacity", "NoMatchingError") },
        ),
      },
    ],
    invalid: [
      {
        name: "TransferContactToQueue in a customer queue flow",
        flowType: "CUSTOMER_QUEUE",
        flow: single(
          "TransferContactToQueue",
          {},
          { NextAction: "end", Errors: errors("QueueAtCapacity", "NoMatchingError") },
        ),
        messageId: "notInFlowType",
        path: "Actions[0].Type",
      },
      {
        name: "EndFlowModuleExecution in a contact flow",
        flow: flowOf([endModule]),
        messageId: "notInFlowType",
        path: "Actions[0].Type",
      },
      {
        name: "GetParticipantInput in a hold flow",
        flowType: "CUSTOMER_HOLD",
        flow: single(
          "GetParticipantInput",
          { Text: "x" },
          { NextAction: "end", Errors: errors("NoMatchingError") },
        ),
        messageId: "notInFlowType",
        path: "Actions[0].Type",
      },
    ],
  },
  "module-settings": {
    valid: [
      {
        name: "module with Settings lists",
        flowType: "MODULE",
        flow: flowOf([endModule], { Settings: SETTINGS }),
      },
      { name: "contact flow without Settings", flow: flowOf([disconnect()]) },
    ],
    invalid: [
      {
        name: "module without Settings",
        flowType: "MODULE",
        flow: flowOf([endModule]),
        messageId: "missingSettings",
        path: "Settings",
      },
      {
        name: "module Settings without Transitions list",
        flowType: "MODULE",
        flow: flowOf([endModule], { Settings: { InputParameters: [], OutputParameters: [] } }),
        messageId: "settingsList",
        path: "Settings.Transitions",
      },
      {
        name: "contact flow with Settings",
        flow: flowOf([disconnect()], { Settings: SETTINGS }),
        messageId: "settingsOutsideModule",
        path: "Settings",
      },
    ],
  },
  "retired-features": {
    valid: [
      {
        name: "UpdateContactData without Voice ID flags",
        flow: single("UpdateContactData", { LanguageCode: "en-GB" }),
      },
    ],
    invalid: [
      {
        name: "StartVoiceIdStream",
        flow: single("StartVoiceIdStream", {}),
        messageId: "retiredAction",
        path: "Actions[0].Type",
      },
      {
        name: "CheckVoiceId",
        flow: single("CheckVoiceId", { CheckVoiceIdOption: "voiceAuthentication" }),
        messageId: "retiredAction",
        path: "Actions[0].Type",
      },
      {
        name: "UpdateContactData enabling voice authentication",
        flow: single("UpdateContactData", { IsVoiceAuthenticationEnabled: "TRUE" }),
        messageId: "voiceIdParameter",
        path: "Actions[0].Parameters.IsVoiceAuthenticationEnabled",
      },
      {
        name: "Lex V1 LexBot on ConnectParticipantWithLexBot",
        flow: single("ConnectParticipantWithLexBot", {
          Text: "x",
          LexV2Bot: { AliasArn: BOT },
          LexBot: { Name: "b", Region: "eu-west-2", Alias: "live" },
        }),
        messageId: "lexV1",
        path: "Actions[0].Parameters.LexBot",
      },
    ],
  },
  "unknown-action-type": {
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
  },
};
