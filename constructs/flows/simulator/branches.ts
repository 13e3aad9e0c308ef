import type { SimAction } from "./flow-set";

/** How blocks are left and how conditions match: shared by the walk, coverage and diagrams. */

export const NEXT = "next";
const SUCCESS_LABEL: Readonly<Record<string, string>> = {
  TransferContactToQueue: "queued",
  TransferToFlow: "transferred",
};

/** Every way an action can be left, labelled as in PathStep.branch (coverage counts these). */
export function branchesOf(action: SimAction): string[] {
  const t = action.Transitions;
  // A successful transfer leaves the flow; its NextAction is never taken.
  const success = SUCCESS_LABEL[action.Type] ?? NEXT;
  // With conditions, every outcome is a condition or an error (NoMatchingCondition): the
  // NextAction the format requires is never taken.
  const conditional = (t.Conditions ?? []).length > 0;
  return [
    ...(t.NextAction !== undefined && !conditional ? [success] : []),
    ...(t.Conditions ?? []).map((c) => conditionLabel(c.Condition)),
    ...(t.Errors ?? []).map((e) => e.ErrorType),
  ];
}

export function conditionLabel(c: {
  readonly Operator: string;
  readonly Operands: readonly string[];
}): string {
  return `${c.Operator} ${c.Operands.join(",")}`;
}

export function matches(operator: string, operand: string, value: string): boolean {
  const a = Number(value);
  const b = Number(operand);
  switch (operator) {
    case "Equals":
      return value === operand;
    case "TextContains":
      return value.includes(operand);
    case "TextStartsWith":
      return value.startsWith(operand);
    case "TextEndsWith":
      return value.endsWith(operand);
    case "NumberGreaterThan":
      return value !== "" && a > b;
    case "NumberGreaterOrEqualTo":
      return value !== "" && a >= b;
    case "NumberLessThan":
      return value !== "" && a < b;
    case "NumberLessOrEqualTo":
      return value !== "" && a <= b;
    default:
      throw new Error(`operator ${operator} is not modelled`);
  }
}

/** Phone numbers a callback can dial: E.164 or a UK national number. */
export const DIALABLE = /^(\+\d{8,15}|0\d{9,10})$/;
