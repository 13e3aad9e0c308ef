import type { StackView } from "./stack-view";

/** Synthesized Terraform JSON (what `cdk.tf.json` holds), parsed. Only the parts rules read. */
export interface StackJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>>;
  readonly [key: string]: unknown;
}

/** What a rule knows besides the JSON. */
export interface RuleContext {
  /** Production rules apply (deletion protection, year-long retention, subscribers). */
  readonly production: boolean;
}

/** One violation: the Terraform address (`type.name`) and what is wrong with it. */
export interface RuleFinding {
  readonly address: string;
  readonly message: string;
}

/** A rule over a synthesized stack. Reports findings, never throws; its level lives in the pack table. */
export interface StackRule {
  /** Kebab-case id, equal to the rule's file name. */
  readonly id: string;
  readonly meta: {
    /** One line: what the rule requires and why it matters. */
    readonly description: string;
    /** One line: how to fix a finding. */
    readonly fix: string;
  };
  readonly check: (stack: StackView) => RuleFinding[];
}

export type RuleLevel = "error" | "warning";

/** A finding with its rule's id and level, as the report shows it. */
export interface LeveledFinding extends RuleFinding {
  readonly rule: string;
  readonly level: RuleLevel;
  readonly fix: string;
}

/** A reviewed exception: this rule does not apply to this address, for this written reason. */
export interface RuleSuppression {
  readonly rule: string;
  readonly address: string;
  /** The team that answers for the exception. */
  readonly owner: string;
  readonly reason: string;
}

/** Identity helper that keeps rule files short and typed. */
export function defineRule(rule: StackRule): StackRule {
  return rule;
}
