import {
  escapeTemplate,
  formatHcl,
  quoteTemplate,
  repairMapAttributes,
  repairQuotedStrings,
  unquoteReferences,
} from "../../constructs/core/hcl";
import { parsedByHashiCorp } from "../support/hcl-parse";
import { synthStack } from "../support/synth";

// terraform fmt -check of this output is hcl-fmt.engine-test.ts (the engine tier runs terraform).
describe.each(["dev", "prod"])("cdktf synth --hcl output (%s)", (env) => {
  const { json, hcl } = synthStack(env);

  it("carries every moved and removed block of the JSON output, in native syntax", () => {
    const moved = hcl.match(/^moved \{\n {2}from = \S+\n {2}to {3}= \S+\n\}$/gm) ?? [];
    const removed =
      hcl.match(/^removed \{\n {2}from = \S+\n {2}lifecycle \{\n {4}destroy = (true|false)\n/gm) ?? [];
    expect(moved).toHaveLength(json.moved!.length);
    expect(removed).toHaveLength(json.removed!.length);
    expect(json.moved!.length).toBeGreaterThan(50);
    for (const m of json.moved!) expect(hcl).toContain(`moved {\n  from = ${m.from}\n  to   = ${m.to}\n}`);
    for (const r of json.removed!) {
      expect(hcl).toContain(
        `removed {\n  from = ${r.from}\n  lifecycle {\n    destroy = ${r.lifecycle.destroy}\n  }\n}`,
      );
    }
  });

  it("declares required_version and references, not strings, in meta-arguments", () => {
    expect(hcl).toMatch(/^ {2}required_version = ">= 1\.(7|10)\.0"$/m);
    expect(hcl).not.toMatch(/^\s*0 = "required_version"/m);
    expect(hcl).toMatch(/^ {2}provider += aws\.us_east_1$/m);
    expect(hcl).not.toMatch(/^\s*"aws_[a-z0-9_]+\.[a-z0-9_]+",$/m);
  });

  it("reads back, by HashiCorp's own HCL parser, as the same resources and data sources as the JSON", async () => {
    const parsed = await parsedByHashiCorp(env, hcl);
    const differences: string[] = [];
    let compared = 0;
    for (const kind of ["resource", "data"] as const) {
      for (const [type, byName] of Object.entries(json[kind] ?? {})) {
        for (const [name, body] of Object.entries(byName)) {
          const expected = Object.fromEntries(Object.entries(body).filter(([key]) => key !== "//"));
          const block = parsed[kind]?.[type]?.[name]?.[0];
          const actual = block === undefined ? undefined : asJsonShaped(expected, block);
          compared++;
          if (JSON.stringify(actual) !== JSON.stringify(expected))
            differences.push(`${kind}.${type}.${name}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(250);
    expect(differences).toStrictEqual([]);
  });
});

/**
 * The parser's JSON in the shape cdktf's JSON uses, where the two only spell the same thing
 * differently: a single block is a list of one there, a reference `${x}` where JSON has `x`, a
 * provisioner `{type: [body]}` where JSON has `[{type: body}]`, and an unquoted number where JSON
 * has its string. Any real difference stays (which is how a leaked type descriptor and an extra
 * newline at the end of every flow were found).
 */
function asJsonShaped(expected: unknown, parsed: unknown): unknown {
  if (typeof expected === "string" && parsed === `\${${expected}}`) return expected;
  // cdktf writes number-like strings unquoted; Terraform converts the number back for a string argument.
  if (typeof expected === "string" && typeof parsed === "number" && String(parsed) === expected)
    return expected;
  if (Array.isArray(expected) && parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    const entries = Object.entries(parsed as Record<string, unknown[]>);
    if (entries.every(([, list]) => Array.isArray(list)))
      return asJsonShaped(
        expected,
        entries.flatMap(([type, list]) => list.map((body) => ({ [type]: body }))),
      );
  }
  if (expected && typeof expected === "object" && !Array.isArray(expected) && Array.isArray(parsed))
    return parsed.length === 1 ? asJsonShaped(expected, parsed[0]) : parsed;
  if (Array.isArray(expected) && Array.isArray(parsed))
    return parsed.map((item, i) => asJsonShaped(expected[i], item));
  if (expected && parsed && typeof expected === "object" && typeof parsed === "object") {
    const exp = expected as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(exp)
        .filter((key) => key in (parsed as object))
        .map((key) => [key, asJsonShaped(exp[key], (parsed as Record<string, unknown>)[key])])
        .concat(Object.entries(parsed).filter(([key]) => !(key in exp))),
    );
  }
  return parsed;
}

describe("HCL repairs", () => {
  it("write a multi-line value as a heredoc only when its body is exactly the value", () => {
    const page = "<html>\n</html>\n";
    const script = "set -eu\necho done";
    const written = `a = <<EOF\n<html>\n</html>\n\nEOF\nb = <<EOF\nset -eu\necho done\nEOF`;
    expect(repairQuotedStrings(written, { a: page, b: script })).toBe(
      `a = <<EOF\n<html>\n</html>\nEOF\nb = "set -eu\\necho done"`,
    );
  });

  it("turn a map of objects marked as a block into an argument with plain values", () => {
    const descriptor = (value: unknown) => ({
      value,
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    });
    expect(
      repairMapAttributes({
        locale_specification: {
          value: { en_GB: { source_bot_version: descriptor("DRAFT") } },
          isBlock: true,
          type: "map",
          storageClassType: "SpecMap",
        },
        bot_id: descriptor("B1"),
      }),
    ).toStrictEqual({
      locale_specification: {
        value: { en_GB: { source_bot_version: "DRAFT" } },
        isBlock: false,
        type: "map",
        storageClassType: "SpecMap",
      },
      bot_id: descriptor("B1"),
    });
  });

  it("escape quotes and backslashes outside interpolations, keep quoted strings inside them", () => {
    expect(escapeTemplate('{"Resource":"${aws_s3_bucket.b.arn}/*"}')).toBe(
      '{\\"Resource\\":\\"${aws_s3_bucket.b.arn}/*\\"}',
    );
    expect(escapeTemplate('a\\b ${lookup(var.m, "k")} $${literal} "q"')).toBe(
      'a\\\\b ${lookup(var.m, "k")} $${literal} \\"q\\"',
    );
    expect(quoteTemplate('set -eu\n: "$${X:?}"\n')).toBe('"set -eu\\n: \\"$${X:?}\\"\\n"');
  });

  it("rewrite a value cdktf wrote raw wherever it occurs, and leave correct ones alone", () => {
    const value = '{"a":"${x.y}"}';
    const written = `policy = "${value}"\nother = "plain"`;
    expect(repairQuotedStrings(written, { resource: { t: { n: { policy: value } } } })).toBe(
      'policy = "{\\"a\\":\\"${x.y}\\"}"\nother = "plain"',
    );
  });

  it("unquote provider and depends_on references", () => {
    expect(
      unquoteReferences('provider = "aws.east"\ndepends_on = [\n"aws_x.y",\n]\ntags = [\n"aws_x.y",\n]'),
    ).toBe('provider = aws.east\ndepends_on = [\naws_x.y,\n]\ntags = [\n"aws_x.y",\n]');
  });

  it("indent by bracket depth and align the = of neighbouring one-line assignments", () => {
    expect(formatHcl('a {\nx = 1\nlong_name = "${r.id}"\nb {\ny = 2\n}\n}')).toBe(
      "a {\n  x         = 1\n  long_name = r.id\n  b {\n    y = 2\n  }\n}",
    );
  });
});
