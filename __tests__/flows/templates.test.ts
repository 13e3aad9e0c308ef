import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { declaredFlowType } from "../../constructs/flows/flow-type";
import { renderFlowTemplate, TEMPLATE_DIR } from "../../constructs/flows/render";
import { validateFlowText } from "../../constructs/flows/validator";
import { TEMPLATE_VARIABLES } from "./fixtures";

const shipped = readdirSync(TEMPLATE_DIR)
  .filter((f) => f.endsWith(".json.tftpl"))
  .sort();

describe("shipped flow templates", () => {
  it("every shipped template has realistic test values (and no stale entries)", () => {
    expect(Object.keys(TEMPLATE_VARIABLES).sort()).toStrictEqual(shipped);
  });

  it.each(shipped)("%s renders with real ARNs and validates with no finding at all", (file) => {
    const content = renderFlowTemplate(file, TEMPLATE_VARIABLES[file] ?? {});
    const declared = declaredFlowType(JSON.parse(content) as unknown);
    if ("error" in declared) throw new Error(declared.error);
    expect(declared.declared).toBe(true);
    expect(validateFlowText(content, { flowType: declared.type })).toStrictEqual([]);
  });

  it.each(shipped)("%s never uses Lex V1 or Voice ID", (file) => {
    const text = readFileSync(join(TEMPLATE_DIR, file), "utf8");
    expect(text).not.toMatch(/"LexBot"|VoiceId|IsVoice|FraudDetection/);
  });

  it("the AWS documentation's minimal example validates clean", () => {
    const text = readFileSync(join(__dirname, "examples/example-aws-docs-minimal.json"), "utf8");
    expect(validateFlowText(text, { flowType: "CONTACT_FLOW" })).toStrictEqual([]);
  });
});
