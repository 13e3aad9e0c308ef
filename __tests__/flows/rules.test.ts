import type { FlowType } from "../../constructs/flows/types";
import { validateFlow } from "../../constructs/flows/validator";
import { RULE_CASES } from "./rule-cases";

const ids = Object.keys(RULE_CASES);

describe.each(ids)("rule %s", (ruleId) => {
  const cases = RULE_CASES[ruleId]!;
  // Every rule is run at "error" so warnings-by-default rules are judged the same way.
  const run = (flow: unknown, flowType: FlowType = "CONTACT_FLOW") =>
    validateFlow(flow, { flowType, severities: { [ruleId]: "error" } }).filter((f) => f.rule === ruleId);

  it.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_name, c) => {
    expect(run(c.flow, c.flowType)).toStrictEqual([]);
  });

  it.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, c) => {
    const found = run(c.flow, c.flowType).map((f) => ({ messageId: f.messageId, path: f.path }));
    expect(found).toContainEqual({ messageId: c.messageId, path: c.path });
  });
});
