import { defineRule } from "../define-rule";
import { OPERATORS, specFor, type ConditionKind } from "../actions";
import { located } from "../model";
import type { ConditionEntry } from "../types";
import { asNumber, isDynamic, isTerraformReference, isTrueString } from "../values";

const MAX_CONDITIONS = 50;
const AGENT_METRICS = ["NumberOfAgentsAvailable", "NumberOfAgentsStaffed", "NumberOfAgentsOnline"];
/** Kinds whose branches are a fixed set of Equals operands. */
const FIXED: Partial<
  Record<ConditionKind, { readonly operands: readonly string[]; readonly exact: boolean }>
> = {
  hours: { operands: ["True", "False"], exact: true },
  loop: { operands: ["ContinueLooping", "DoneLooping"], exact: true },
  iterative: { operands: ["MessagesInterrupted"], exact: false },
  wait: { operands: ["WaitCompleted", "CustomerReturned", "BotParticipantDisconnected"], exact: false },
};
/** Operators each kind accepts (absent = every operator). */
const OPERATORS_BY_KIND: Partial<Record<ConditionKind, readonly string[]>> = {
  hours: ["Equals"],
  loop: ["Equals"],
  iterative: ["Equals"],
  wait: ["Equals"],
  dtmf: ["Equals"],
  lexIntent: ["Equals"],
  equalsAny: ["Equals"],
  percentage: ["NumberLessThan"],
  metric: ["NumberGreaterThan", "NumberGreaterOrEqualTo", "NumberLessThan", "NumberLessOrEqualTo"],
};

export const rule = defineRule({
  id: "condition-operands",
  meta: {
    description:
      "Condition operators and operands per action type: CheckHoursOfOperation exactly Equals True/False, Loop ContinueLooping/DoneLooping, single-character DTMF, NumberLessThan chains, agent metrics NumberGreaterThan 0.",
    messages: {
      noConditions: "{{type}} does not support Conditions",
      tooMany: `{{type}} has {{count}} conditions; at most ${MAX_CONDITIONS} are allowed`,
      unknownOperator: 'Unknown condition operator "{{operator}}" (known: {{known}})',
      operatorNotAllowed: '{{type}} conditions use only {{allowed}}, not "{{operator}}"',
      badOperands: "Operands must be a non-empty list of strings",
      singleOperand: "{{type}} conditions compare against exactly one operand",
      numericOperand: '{{operator}} needs a numeric operand, got "{{operand}}"',
      exactBranches: "{{type}} needs exactly the conditions Equals {{expected}}; found {{found}}",
      fixedOperand: '{{type}} conditions can only be Equals one of [{{expected}}], got "{{operand}}"',
      dtmfOperand: 'A DTMF condition operand is a single key 0-9, * or #; got "{{operand}}"',
      dtmfStoreInput:
        'GetParticipantInput with StoreInput "True" takes no Conditions; branch on $.StoredCustomerInput with Compare',
      percentageOperand: 'DistributeByPercentage operands are whole numbers 1-100; got "{{operand}}"',
      agentMetric: 'Agent-count metric {{metric}} supports only the condition NumberGreaterThan "0"',
      duplicate: "The same condition ({{operator}} {{operand}}) appears twice; the second branch is dead",
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      const spec = specFor(a.type);
      if (spec === undefined || a.conditions.length === 0) continue;
      const type = a.type ?? "";
      const conditionsPath = `${a.path}.Transitions.Conditions`;
      if (spec.conditions === "none") {
        report({ messageId: "noConditions", data: { type }, ...located(a, conditionsPath) });
        continue;
      }
      if (a.conditions.length > MAX_CONDITIONS)
        report({
          messageId: "tooMany",
          data: { type, count: a.conditions.length },
          ...located(a, conditionsPath),
        });
      if (spec.conditions === "dtmf" && isTrueString(a.parameters["StoreInput"])) {
        report({ messageId: "dtmfStoreInput", ...located(a, conditionsPath) });
        continue;
      }
      const allowedOperators = OPERATORS_BY_KIND[spec.conditions];
      const seen = new Set<string>();
      const wellFormed: { operator: string; operand: string; entry: ConditionEntry }[] = [];
      for (const c of a.conditions) {
        const where = located(a, `${c.path}.Condition`);
        if (typeof c.operator !== "string" || !(OPERATORS as readonly string[]).includes(c.operator)) {
          report({
            messageId: "unknownOperator",
            data: { operator: String(c.operator), known: OPERATORS.join(", ") },
            ...where,
          });
          continue;
        }
        if (
          !Array.isArray(c.operands) ||
          c.operands.length === 0 ||
          !c.operands.every((o) => typeof o === "string" || typeof o === "number")
        ) {
          report({ messageId: "badOperands", ...located(a, `${c.path}.Condition.Operands`) });
          continue;
        }
        if (allowedOperators !== undefined && !allowedOperators.includes(c.operator)) {
          report({
            messageId: "operatorNotAllowed",
            data: { type, allowed: allowedOperators.join(", "), operator: c.operator },
            ...where,
          });
          continue;
        }
        const operands = c.operands.map(String);
        const operand = operands[0] ?? "";
        if (spec.conditions !== "dtmf" && spec.conditions !== "equalsAny" && operands.length !== 1) {
          report({
            messageId: "singleOperand",
            data: { type },
            ...located(a, `${c.path}.Condition.Operands`),
          });
          continue;
        }
        if (c.operator.startsWith("Number") && asNumber(operand) === undefined && !isDynamic(operand)) {
          report({
            messageId: "numericOperand",
            data: { operator: c.operator, operand },
            ...located(a, `${c.path}.Condition.Operands`),
          });
          continue;
        }
        const key = `${c.operator} ${operands.join(",")}`;
        if (seen.has(key))
          report({
            messageId: "duplicate",
            data: { operator: c.operator, operand: operands.join(",") },
            ...where,
          });
        seen.add(key);
        wellFormed.push({ operator: c.operator, operand, entry: c });
      }
      checkKind(spec.conditions, a, type, wellFormed, report);
    }
  },
});

type Reporter = Parameters<(typeof rule)["check"]>[0]["report"];

function checkKind(
  kind: ConditionKind,
  a: Parameters<typeof located>[0],
  type: string,
  conditions: readonly { operator: string; operand: string; entry: ConditionEntry }[],
  report: Reporter,
): void {
  const fixed = FIXED[kind];
  const operandPath = (c: { entry: ConditionEntry }): string => `${c.entry.path}.Condition.Operands`;
  if (fixed !== undefined) {
    for (const c of conditions) {
      if (!fixed.operands.includes(c.operand)) {
        report({
          messageId: "fixedOperand",
          data: { type, expected: fixed.operands.join(", "), operand: c.operand },
          ...located(a, operandPath(c)),
        });
      }
    }
    const found = conditions.map((c) => c.operand).sort();
    if (
      fixed.exact &&
      (a.conditions.length !== fixed.operands.length || found.join() !== [...fixed.operands].sort().join())
    ) {
      report({
        messageId: "exactBranches",
        data: {
          type,
          expected: fixed.operands.join(" and "),
          found: found.length > 0 ? found.join(", ") : "none",
        },
        ...located(a, `${a.path}.Transitions.Conditions`),
      });
    }
    return;
  }
  for (const c of conditions) {
    if (kind === "dtmf" && !/^[0-9*#]$/.test(c.operand)) {
      report({ messageId: "dtmfOperand", data: { operand: c.operand }, ...located(a, operandPath(c)) });
    }
    // A Terraform reference (a template checked before rendering) is checked once rendered.
    if (kind === "percentage" && !isTerraformReference(c.operand)) {
      const n = asNumber(c.operand);
      if (n === undefined || !Number.isInteger(n) || n < 1 || n > 100) {
        report({
          messageId: "percentageOperand",
          data: { operand: c.operand },
          ...located(a, operandPath(c)),
        });
      }
    }
    const metric = a.parameters["MetricType"];
    if (
      kind === "metric" &&
      typeof metric === "string" &&
      AGENT_METRICS.includes(metric) &&
      (c.operator !== "NumberGreaterThan" || asNumber(c.operand) !== 0)
    ) {
      report({ messageId: "agentMetric", data: { metric }, ...located(a, `${c.entry.path}.Condition`) });
    }
  }
}
