import { BOT, errors, type RuleCases, single, when } from "./support";

/** Cases for the condition-operands rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
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
      flow: single("CheckHoursOfOperation", {}, { NextAction: "end", Conditions: when(["Equals", "False"]) }),
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
};
