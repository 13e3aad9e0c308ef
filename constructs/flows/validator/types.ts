import type { FlowType } from "../types";

/** How a finding is treated: errors fail synth and the CLI, warnings are printed, off is dropped. */
export type Severity = "error" | "warning" | "off";

/** A transition edge of an action, already located by JSON path. */
export interface TransitionEdge {
  readonly kind: "NextAction" | "Error" | "Condition";
  readonly target: unknown;
  readonly path: string;
}

/** An `Errors[]` entry. */
export interface ErrorEntry {
  readonly errorType: unknown;
  readonly path: string;
}

/** A `Conditions[]` entry. */
export interface ConditionEntry {
  readonly operator: unknown;
  readonly operands: unknown;
  readonly path: string;
}

/** A flow action as rules see it; fields keep the raw JSON values so rules judge shape themselves. */
export interface ActionView {
  readonly index: number;
  /** `Actions[3]`. */
  readonly path: string;
  /** Identifier when it is a string. */
  readonly identifier: string | undefined;
  /** Type when it is a string. */
  readonly type: string | undefined;
  /** `Parameters` when it is an object, else `{}`. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Whether the action had a `Parameters` key at all. */
  readonly hasParameters: boolean;
  /** `Transitions` when it is an object. */
  readonly transitions: Readonly<Record<string, unknown>> | undefined;
  readonly edges: readonly TransitionEdge[];
  readonly errors: readonly ErrorEntry[];
  readonly conditions: readonly ConditionEntry[];
}

/** A finding before the registry gives it a severity. */
export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** JSON path inside the flow, e.g. `Actions[2].Parameters.LoopCount`. */
  readonly path: string;
  /** Identifier of the action concerned, when there is one. */
  readonly action?: string;
}

/** What a rule gets: the parsed flow and a way to report. */
export interface RuleContext {
  readonly flow: Readonly<Record<string, unknown>>;
  readonly actions: readonly ActionView[];
  readonly flowType: FlowType;
  /** Characters of the content as submitted (tokens count as their placeholder text). */
  readonly contentLength: number;
  report(report: Report): void;
}

/** One rule; the file name is `id`. */
export interface FlowRule<M extends string = string> {
  readonly id: string;
  readonly meta: {
    readonly description: string;
    /** Message templates with `{{name}}` slots filled from `Report.data`. */
    readonly messages: Readonly<Record<M, string>>;
  };
  check(context: RuleContext): void;
}

/** A reported problem with its severity and final message. */
export interface Finding {
  readonly rule: string;
  readonly severity: Exclude<Severity, "off">;
  readonly messageId: string;
  readonly message: string;
  readonly path: string;
  readonly action?: string;
}

/** Options of `validateFlow`. */
export interface ValidateOptions {
  /** Flow type the content is deployed as. */
  readonly flowType: FlowType;
  /** Per-rule severity overrides (rule id → severity). */
  readonly severities?: Readonly<Record<string, Severity>>;
}
