import type { FlowRule, Severity } from "./types";
import { rule as actionParameters } from "./rules/action-parameters";
import { rule as conditionOperands } from "./rules/condition-operands";
import { rule as errorTypes } from "./rules/error-types";
import { rule as flowSize } from "./rules/flow-size";
import { rule as flowStructure } from "./rules/flow-structure";
import { rule as flowTypeRestriction } from "./rules/flow-type-restriction";
import { rule as identifierFormat } from "./rules/identifier-format";
import { rule as missingErrorBranch } from "./rules/missing-error-branch";
import { rule as missingNextAction } from "./rules/missing-next-action";
import { rule as moduleSettings } from "./rules/module-settings";
import { rule as noPathToEnd } from "./rules/no-path-to-end";
import { rule as numericLimits } from "./rules/numeric-limits";
import { rule as referenceFormat } from "./rules/reference-format";
import { rule as retiredFeatures } from "./rules/retired-features";
import { rule as startAction } from "./rules/start-action";
import { rule as terminalTransitions } from "./rules/terminal-transitions";
import { rule as transitionTarget } from "./rules/transition-target";
import { rule as unknownActionType } from "./rules/unknown-action-type";
import { rule as unknownParameter } from "./rules/unknown-parameter";
import { rule as unreachableAction } from "./rules/unreachable-action";

/** One row per rule: its default severity and why it has that level. The only place severities live. */
export interface RegistryEntry {
  readonly rule: FlowRule;
  readonly severity: Severity;
  readonly why: string;
}

export const REGISTRY: readonly RegistryEntry[] = [
  { rule: flowStructure, severity: "error", why: "CreateContactFlow rejects malformed content" },
  { rule: flowSize, severity: "error", why: "service quota; create fails" },
  { rule: startAction, severity: "error", why: "create fails" },
  { rule: identifierFormat, severity: "error", why: "create fails" },
  { rule: transitionTarget, severity: "error", why: "create fails" },
  { rule: missingNextAction, severity: "error", why: "create fails: 'Action is missing required property'" },
  {
    rule: terminalTransitions,
    severity: "error",
    why: "create fails: 'Action does not support transitions'",
  },
  { rule: actionParameters, severity: "error", why: "create fails: 'Invalid Action property name/value'" },
  {
    rule: unknownParameter,
    severity: "error",
    why: "create fails on an unknown name, or a misspelt optional one is silently ignored (wrong hours, queue, voice)",
  },
  {
    rule: referenceFormat,
    severity: "error",
    why: "a malformed ARN or placeholder id fails create or routes nowhere",
  },
  { rule: numericLimits, severity: "error", why: "create fails or the block misbehaves at run time" },
  {
    rule: errorTypes,
    severity: "error",
    why: "create fails: 'Invalid Action error' / 'missing required error'",
  },
  {
    rule: missingErrorBranch,
    severity: "error",
    why: "create accepts it, but a failing Lambda or bot then stops the flow and the contact ends without a word",
  },
  { rule: conditionOperands, severity: "error", why: "create fails or a branch can never match" },
  {
    rule: flowTypeRestriction,
    severity: "error",
    why: "create fails for blocks the flow type does not support",
  },
  { rule: moduleSettings, severity: "error", why: "module create fails without Settings" },
  {
    rule: retiredFeatures,
    severity: "error",
    why: "Voice ID and Lex V1 are out of support; nothing may depend on them",
  },
  {
    rule: unreachableAction,
    severity: "warning",
    why: "harmless to the service, but usually a wiring mistake",
  },
  {
    rule: noPathToEnd,
    severity: "error",
    why: "create accepts it, but the caller is trapped in a loop with no exit; queue and hold flows are exempt",
  },
  {
    rule: unknownActionType,
    severity: "warning",
    why: "the table may lag new console blocks; raise to error with --rule unknown-action-type=error",
  },
];

export const RULE_IDS: readonly string[] = REGISTRY.map((e) => e.rule.id);
