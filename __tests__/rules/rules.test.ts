import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_PACK, StackView, type StackRule } from "../../constructs/rules";
import type { RuleCases } from "./support";

const RULES_DIR = join(__dirname, "../../constructs/rules/rules");
const ruleFiles = readdirSync(RULES_DIR)
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
const caseFiles = readdirSync(join(__dirname, "cases"))
  .map((f) => f.replace(/\.cases\.ts$/, ""))
  .sort();

const casesOf = (id: string): RuleCases =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(`./cases/${id}.cases`) as { cases: RuleCases }).cases;

const ruleById = (id: string): StackRule => {
  const entry = RULE_PACK.find((e) => e.rule.id === id);
  if (!entry) throw new Error(`no rule ${id} in RULE_PACK`);
  return entry.rule;
};

describe("stack rule pack", () => {
  it("registers every rule file once, under its file name", () => {
    const ids = RULE_PACK.map((e) => e.rule.id);
    expect([...ids].sort()).toStrictEqual(ruleFiles);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has a case table for every rule, and none for a rule that does not exist", () => {
    expect(caseFiles).toStrictEqual(ruleFiles);
  });

  it("gives every rule a one-line description and fix", () => {
    for (const { rule } of RULE_PACK) {
      expect(rule.meta.description).toMatch(/^[A-Z].{20,}[^.]$/);
      expect(rule.meta.fix).toMatch(/^.{10,}$/);
    }
  });

  it("is documented: docs/stack-rules.md lists exactly the registered rules with their levels", () => {
    const doc = readFileSync(join(__dirname, "../../docs/stack-rules.md"), "utf8");
    const listed = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning) \|/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(listed.sort()).toStrictEqual(RULE_PACK.map((e) => `${e.rule.id} ${e.level}`).sort());
  });
});

describe.each(caseFiles)("rule %s", (id) => {
  const { valid, invalid } = casesOf(id);
  const check = (json: RuleCases["valid"][string]) =>
    ruleById(id).check(new StackView(json.json, { production: json.production ?? false }));

  it("has valid and invalid cases", () => {
    expect(Object.keys(valid).length).toBeGreaterThan(0);
    expect(Object.keys(invalid).length).toBeGreaterThan(0);
  });
  it.each(Object.entries(valid))("accepts: %s", (_name, c) => {
    expect(check(c)).toStrictEqual([]);
  });
  it.each(Object.entries(invalid))("reports: %s", (_name, c) => {
    const findings = check(c);
    expect(findings.map((f) => f.address)).toStrictEqual(c.findings.map(([address]) => address));
    findings.forEach((f, i) => expect(f.message).toMatch(c.findings[i][1]));
  });
});
