// One case table per rule, one file per rule (rules/<rule-id>.cases.ts), as the rules themselves.
import { cases as flowStructure } from "./rules/flow-structure.cases";
import { cases as flowSize } from "./rules/flow-size.cases";
import { cases as startAction } from "./rules/start-action.cases";
import { cases as identifierFormat } from "./rules/identifier-format.cases";
import { cases as transitionTarget } from "./rules/transition-target.cases";
import { cases as missingNextAction } from "./rules/missing-next-action.cases";
import { cases as terminalTransitions } from "./rules/terminal-transitions.cases";
import { cases as unreachableAction } from "./rules/unreachable-action.cases";
import { cases as noPathToEnd } from "./rules/no-path-to-end.cases";
import { cases as actionParameters } from "./rules/action-parameters.cases";
import { cases as referenceFormat } from "./rules/reference-format.cases";
import { cases as numericLimits } from "./rules/numeric-limits.cases";
import { cases as errorTypes } from "./rules/error-types.cases";
import { cases as missingErrorBranch } from "./rules/missing-error-branch.cases";
import { cases as conditionOperands } from "./rules/condition-operands.cases";
import { cases as flowTypeRestriction } from "./rules/flow-type-restriction.cases";
import { cases as moduleSettings } from "./rules/module-settings.cases";
import { cases as retiredFeatures } from "./rules/retired-features.cases";
import { cases as unknownActionType } from "./rules/unknown-action-type.cases";
import { cases as unknownParameter } from "./rules/unknown-parameter.cases";
import type { RuleCases } from "./rules/support";

export type { InvalidCase, RuleCases, ValidCase } from "./rules/support";

export const RULE_CASES: Readonly<Record<string, RuleCases>> = {
  "flow-structure": flowStructure,
  "flow-size": flowSize,
  "start-action": startAction,
  "identifier-format": identifierFormat,
  "transition-target": transitionTarget,
  "missing-next-action": missingNextAction,
  "terminal-transitions": terminalTransitions,
  "unreachable-action": unreachableAction,
  "no-path-to-end": noPathToEnd,
  "action-parameters": actionParameters,
  "reference-format": referenceFormat,
  "numeric-limits": numericLimits,
  "error-types": errorTypes,
  "missing-error-branch": missingErrorBranch,
  "condition-operands": conditionOperands,
  "flow-type-restriction": flowTypeRestriction,
  "module-settings": moduleSettings,
  "retired-features": retiredFeatures,
  "unknown-action-type": unknownActionType,
  "unknown-parameter": unknownParameter,
};
