import type { FlowRule } from "./types";

/** Identity helper that keeps a rule's message ids typed. */
export function defineRule<M extends string>(rule: FlowRule<M>): FlowRule<M> {
  return rule;
}
