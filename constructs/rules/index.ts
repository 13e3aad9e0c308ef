export { RULE_PACK, type PackEntry } from "./pack";
export { errorsOf, formatFinding, formatReport, runRules, summaryLine, type RulesReport } from "./run";
export { StackView } from "./stack-view";
export type {
  LeveledFinding,
  RuleContext,
  RuleFinding,
  RuleSuppression,
  StackJson,
  StackRule,
} from "./types";
