import { errorsOf, formatReport, runRules } from "../../constructs/rules";
import { configFor, synthStack } from "../support/synth";

describe.each(["dev", "prod"])("the whole stack (%s) against the rule pack", (env) => {
  const { json } = synthStack(env);
  const config = configFor(env);
  const report = runRules(json, {
    production: config.environment === "prod",
    suppressions: config.rules.suppressions,
  });

  it("has no errors", () => {
    expect(errorsOf(report).map((f) => `${f.rule} ${f.address}: ${f.message}`)).toStrictEqual([]);
  });

  it("uses every suppression it declares (no stale exceptions)", () => {
    expect(report.unusedSuppressions).toStrictEqual([]);
  });

  it("ends its report with the summary line synth prints", () => {
    expect(formatReport(report).at(-1)).toMatch(
      new RegExp(
        `^stack rules: \\d+ rules over ${report.resourceCount} resources in \\d+ ms: 0 errors, \\d+ warnings, ${report.suppressed.length} suppressed$`,
      ),
    );
  });
});
