import { errorsOf, formatReport, runRules, type PackEntry } from "../../constructs/rules";
import { prod } from "../../config/environments/prod";
import { loadConfig } from "../../config/load";
import { configSchema, type ConfigInput } from "../../config/schema";
import { rule as kmsKeyRotation } from "../../constructs/rules/rules/kms-key-rotation";
import { rule as lambdaAsync } from "../../constructs/rules/rules/lambda-async-failure-destination";
import { fragment, ref } from "./support";

const pack: PackEntry[] = [
  { rule: kmsKeyRotation, level: "error" },
  { rule: lambdaAsync, level: "warning" },
];
const json = fragment({
  aws_kms_key: { a: {}, b: { enable_key_rotation: true } },
  aws_lambda_function: { f: {} },
  aws_lambda_permission: {
    p: { function_name: ref("aws_lambda_function.f", "function_name"), principal: "sns.amazonaws.com" },
  },
});

describe("runRules", () => {
  it("levels findings from the pack table, errors first, in the `<rule> <address>: <what> — <fix>` form", () => {
    const report = runRules(json, { production: false, pack: [...pack].reverse() });
    expect(formatReport(report)).toStrictEqual([
      "error: kms-key-rotation aws_kms_key.a: enable_key_rotation is not true — set enable_key_rotation = true",
      expect.stringMatching(
        /^warning: lambda-async-failure-destination aws_lambda_function.f: invoked asynchronously/,
      ),
      expect.stringMatching(
        /^stack rules: 2 rules over 4 resources in \d+ ms: 1 errors, 1 warnings, 0 suppressed$/,
      ),
    ]);
  });

  it("moves a suppressed finding out of the errors, keeping its reason", () => {
    const reason = "a test key that never holds data, deleted with the fixture";
    const report = runRules(json, {
      production: false,
      pack,
      suppressions: [{ rule: "kms-key-rotation", address: "aws_kms_key.a", owner: "platform team", reason }],
    });
    expect(errorsOf(report)).toStrictEqual([]);
    expect(report.suppressed).toStrictEqual([expect.objectContaining({ address: "aws_kms_key.a", reason })]);
  });

  it("reports a suppression that matches nothing, so stale exceptions get deleted", () => {
    const stale = {
      rule: "kms-key-rotation",
      address: "aws_kms_key.b",
      owner: "platform team",
      reason: "b used to be an imported key",
    };
    const report = runRules(json, { production: false, pack, suppressions: [stale] });
    expect(report.unusedSuppressions).toStrictEqual([stale]);
    expect(formatReport(report)).toContain(
      "warning: suppression of kms-key-rotation on aws_kms_key.b matches no finding: delete it from config",
    );
  });
});

describe("suppressions in config", () => {
  // Suppressions come only from the committed environment files: these stand in for dev.ts.
  const load = (suppressions: unknown) => () =>
    loadConfig({
      env: "dev",
      environments: { dev: { environment: "dev", rules: { suppressions } } as ConfigInput },
    });
  const owner = "contact-centre platform team";

  it("need one address: no wildcards or blanket suppressions", () => {
    expect(
      load([{ rule: "s3-versioning", address: "aws_s3_bucket.*", owner, reason: "x".repeat(40) }]),
    ).toThrow(/rules.suppressions\[0\].address: expected one resource address \(type.name\), no wildcards/);
  });

  it("need a written reason", () => {
    expect(load([{ rule: "s3-versioning", address: "aws_s3_bucket.b", owner, reason: "legacy" }])).toThrow(
      /rules.suppressions\[0\].reason: write why the finding is acceptable/,
    );
  });

  it("need an owner who answers for the exception", () => {
    expect(load([{ rule: "s3-versioning", address: "aws_s3_bucket.b", reason: "x".repeat(40) }])).toThrow(
      /rules.suppressions\[0\].owner: /,
    );
  });

  it("are refused twice for one rule and address", () => {
    const s = { rule: "s3-versioning", address: "aws_s3_bucket.b", owner, reason: "x".repeat(40) };
    expect(load([s, s])).toThrow(
      /rules.suppressions\[1\]: s3-versioning aws_s3_bucket.b is suppressed twice/,
    );
  });

  it("every committed one names its owner and its reason", () => {
    for (const env of ["dev", "prod"]) {
      for (const s of loadConfig({ env }).rules.suppressions) {
        expect(s.owner.length).toBeGreaterThan(2);
        expect(s.reason.length).toBeGreaterThanOrEqual(30);
      }
    }
  });
});

describe("production config", () => {
  it.each([
    ["alarmEmails", "operational alarms"],
    ["fraudAlertEmails", "fraud alerts"],
  ])("refuses production without a %s subscriber", (field, what) => {
    expect(() => loadConfig({ env: "prod", overrides: { security: { [field]: [] } } })).toThrow(
      `config/environments/prod.ts: security.${field}: production needs at least one subscriber for ${what}`,
    );
  });

  it("refuses production without the CCP's own host name and certificate", () => {
    const result = configSchema.safeParse({ ...prod, ccp: {} });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toStrictEqual([
      expect.objectContaining({
        path: ["ccp", "domainName"],
        message: expect.stringContaining(
          "production serves the agent CCP on the bank's own name with TLS 1.2+",
        ),
      }),
    ]);
  });

  it("refuses a CCP host name without its certificate", () => {
    expect(() => loadConfig({ env: "dev", overrides: { ccp: { domainName: "ccp.bank.test" } } })).toThrow(
      "ccp.certificateArn: set domainName and certificateArn together",
    );
  });

  it("refuses a certificate outside us-east-1, where CloudFront cannot read it", () => {
    const certificateArn =
      "arn:aws:acm:eu-west-2:111122223333:certificate/0f5e8c8a-6d1b-4c2e-9a57-3b1d2e4f6a70";
    expect(() =>
      loadConfig({ env: "dev", overrides: { ccp: { domainName: "ccp.bank.test", certificateArn } } }),
    ).toThrow("ccp.certificateArn: expected an ACM certificate ARN in us-east-1");
  });

  it("accepts development without subscribers", () => {
    expect(loadConfig({ env: "dev" }).security.alarmEmails).toStrictEqual([]);
  });
});
