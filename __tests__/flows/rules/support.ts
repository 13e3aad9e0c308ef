/** Types and shared flow fragments of the per-rule case tables. */
import type { FlowType } from "../../../constructs/flows/types";
export { conditions as when, disconnect, errors, flowOf, single } from "../fixtures";

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

export const msg = (
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
export const BOT = "arn:aws:lex:eu-west-2:123456789012:bot-alias/ABCDEFGHIJ/TSTALIASID";
export const LAMBDA = "arn:aws:lambda:eu-west-2:123456789012:function:auth";
export const QUEUE =
  "arn:aws:connect:eu-west-2:123456789012:instance/11111111-2222-3333-4444-555555555555/queue/0a1b2c3d-0000-4000-8000-000000000001";
export const lambda = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  LambdaFunctionARN: LAMBDA,
  InvocationTimeLimitSeconds: "8",
  ...extra,
});
export const SETTINGS = { InputParameters: [], OutputParameters: [], Transitions: [] };
export const endModule = {
  Identifier: "end",
  Type: "EndFlowModuleExecution",
  Parameters: {},
  Transitions: {},
};
