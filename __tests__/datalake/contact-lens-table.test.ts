import { readFileSync } from "node:fs";
import { join } from "node:path";
import { glueTables } from "../../constructs/datalake/glue-tables";

/**
 * The Contact Lens table must read the files Connect writes. The fixture follows the documented
 * output file of a redacted voice analysis (Admin Guide, "Example Contact Lens output files"):
 * every column, down to each struct field, must name a field of that file with a matching kind.
 */
const analysis = JSON.parse(
  readFileSync(join(__dirname, "fixtures", "contact-lens-voice-analysis.json"), "utf8"),
) as Record<string, unknown>;
const table = glueTables({ ctr: "ctr/", agentEvents: "a/", lifecycleEvents: "l/", aiReporting: "ai/" }).find(
  (t) => t.name === "contact_lens_analysis",
)!;

/** Splits `a:int,b:struct<c:int,d:string>` at top-level commas. */
function topLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === "<") depth++;
    else if (list[i] === ">") depth--;
    else if (list[i] === "," && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, list.slice(start)];
}

/** Problems where `value` does not fit the Hive `type`, as `path: reason`. */
function mismatches(type: string, value: unknown, path: string): string[] {
  if (value === undefined) return [`${path}: absent from the file`];
  if (type.startsWith("struct<")) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return [`${path}: not an object`];
    return topLevel(type.slice(7, -1)).flatMap((field) => {
      const colon = field.indexOf(":");
      const name = field.slice(0, colon);
      return mismatches(field.slice(colon + 1), (value as Record<string, unknown>)[name], `${path}.${name}`);
    });
  }
  if (type.startsWith("array<")) {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    return value.flatMap((item, i) => mismatches(type.slice(6, -1), item, `${path}[${i}]`));
  }
  const kind = { string: "string", int: "number", double: "number", float: "number", boolean: "boolean" }[
    type
  ];
  if (kind === undefined) return [`${path}: type ${type} not checked here`];
  if (typeof value !== kind) return [`${path}: ${typeof value}, column is ${type}`];
  if (type === "int" && !Number.isInteger(value)) return [`${path}: not a whole number, column is int`];
  return [];
}

describe("Contact Lens table", () => {
  it("reads Connect's Analysis/ prefix of the instance storage bucket", () => {
    expect(table).toMatchObject({ bucket: "connectStorage", prefix: "Analysis/" });
  });

  it("has a column for the contact id, language, sentiment and timings Connect writes", () => {
    const problems = table.columns.flatMap((c) => mismatches(c.type, analysis[c.name], c.name));
    expect(problems).toStrictEqual([]);
    const types = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
    expect(types["CustomerMetadata"]).toContain("ContactId:string");
    expect(types["ConversationCharacteristics"]).toContain(
      "OverallSentiment:struct<AGENT:double,CUSTOMER:double>",
    );
  });

  it("would catch a column Connect does not write", () => {
    expect(
      mismatches("struct<TotalConversationDuration:int>", analysis["ConversationCharacteristics"], "CC"),
    ).toStrictEqual(["CC.TotalConversationDuration: absent from the file"]);
    expect(mismatches("string", analysis["ContactId"], "ContactId")).toStrictEqual([
      "ContactId: absent from the file",
    ]);
  });
});
