import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REGISTRY, RULE_IDS } from "../../constructs/flows/validator";
import { RULE_CASES } from "./rule-cases";

const RULE_DIR = join(__dirname, "..", "..", "constructs", "flows", "validator", "rules");

describe("flow rule registry", () => {
  it("registers exactly the rule files, each file named after its rule id", () => {
    const files = readdirSync(RULE_DIR)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect([...RULE_IDS].sort()).toStrictEqual(files);
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(RULE_DIR, file)) as { rule: { id: string } };
      expect({ file, id: mod.rule.id }).toStrictEqual({ file, id: file });
    }
  });

  it("gives every rule a valid and an invalid case, and covers every message id", () => {
    for (const { rule } of REGISTRY) {
      const cases = RULE_CASES[rule.id];
      const covered = new Set((cases?.invalid ?? []).map((c) => c.messageId));
      // invalidJson is produced by the engine from unparsable text (covered in cli and renderer tests).
      const needed = Object.keys(rule.meta.messages).filter((m) => m !== "invalidJson");
      expect({
        rule: rule.id,
        valid: (cases?.valid.length ?? 0) > 0,
        uncovered: needed.filter((m) => !covered.has(m)),
      }).toStrictEqual({
        rule: rule.id,
        valid: true,
        uncovered: [],
      });
    }
  });

  it("docs/flow-rules.md lists exactly the registered rules with their default severity", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "flow-rules.md"), "utf8");
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| (error|warning|off) \|/gm)].map(
      (m) => `${m[1]}=${m[2]}`,
    );
    expect(rows.sort()).toStrictEqual(REGISTRY.map((e) => `${e.rule.id}=${e.severity}`).sort());
  });
});
