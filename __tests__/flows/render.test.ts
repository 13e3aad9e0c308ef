import { Token } from "cdktf";
import {
  FlowTemplateError,
  renderFlowTemplate,
  renderTemplateText,
  renderTemplateWithReferences,
} from "../../constructs/flows/render";

const FILE = "contact_flows/t.json.tftpl";
const TEMPLATE = '{\n  "QueueId": "${queue_arn}",\n  "Text": "${text}"\n}';

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof FlowTemplateError) return error.problems;
    throw error;
  }
  throw new Error("expected a FlowTemplateError");
}

describe("renderTemplateText", () => {
  it("inserts values JSON-string-escaped so quotes, backslashes and newlines keep the JSON valid", () => {
    const out = renderTemplateText(FILE, TEMPLATE, { queue_arn: "arn:q", text: 'say "hi"\\\nnow' });
    expect(JSON.parse(out)).toStrictEqual({ QueueId: "arn:q", Text: 'say "hi"\\\nnow' });
  });

  it("keeps an unresolved cdktf token intact", () => {
    const token = Token.asString({ resolve: () => "x" });
    const out = renderTemplateText(FILE, TEMPLATE, { queue_arn: token, text: "t" });
    expect((JSON.parse(out) as { QueueId: string }).QueueId).toBe(token);
  });

  it("names the file, position and variable when a placeholder has no value", () => {
    expect(() => renderTemplateText(FILE, TEMPLATE, { queue_arn: "q" })).toThrow(
      `${FILE}: 3:12: variable "text" is used by the template but was not passed`,
    );
  });

  it("rejects a passed variable the template does not use", () => {
    expect(
      problemsOf(() => renderTemplateText(FILE, TEMPLATE, { queue_arn: "q", text: "t", extra: "x" })),
    ).toStrictEqual(['variable "extra" was passed but the template does not use it']);
  });

  it("rejects a plain value containing ${ (Terraform would evaluate it)", () => {
    expect(
      problemsOf(() => renderTemplateText(FILE, TEMPLATE, { queue_arn: "${aws_x.y}", text: "t" }))[0],
    ).toMatch(/variable "queue_arn" contains/);
  });

  it.each([
    ["directive", '{"a": "%{ if x }y%{ endif }"}', /1:8: template directive/],
    ["$${ escape", '{"a": "$${x}"}', /1:8: template escape "\$\$\{"/],
    ["expression placeholder", '{"a": "${var.x}"}', /1:8: .* is not a \$\{name\} placeholder/],
  ])("refuses a %s so the template means the same in HCL and here", (_name, text, expected) => {
    expect(problemsOf(() => renderTemplateText(FILE, text, {}))[0]).toMatch(expected);
  });

  it("reports where the rendered text stops being JSON", () => {
    expect(problemsOf(() => renderTemplateText(FILE, '{\n  "a": "${v}",\n}', { v: "x" }))[0]).toMatch(
      /^rendered text is not valid JSON at 3:1: /,
    );
  });
});

describe("renderFlowTemplate", () => {
  it("names the template when the file does not exist", () => {
    expect(() => renderFlowTemplate("missing_flow.json.tftpl", {})).toThrow(
      /missing_flow\.json\.tftpl: cannot read template/,
    );
  });
});

describe("renderTemplateWithReferences", () => {
  it("renders every placeholder as a Terraform variable reference", () => {
    expect(JSON.parse(renderTemplateWithReferences(FILE, TEMPLATE))).toStrictEqual({
      QueueId: "${var.queue_arn}",
      Text: "${var.text}",
    });
  });
});
