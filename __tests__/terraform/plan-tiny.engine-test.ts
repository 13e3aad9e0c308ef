import { judgeStackPlan, planOffline } from "../../scripts/terraform/offline-plan";
import type { TerraformConfig } from "../../scripts/terraform/offline-view";
import { formatPlanReport } from "../../scripts/terraform/plan-report";
import type { ShowJson } from "../../scripts/terraform/state-input";
import { CACHE_DIR, describeWithEngine, keptResult, realEngine, workDir } from "./support/real-engine";

/**
 * A stack small enough to plan in a few seconds, through the same CLI as the whole stack: two
 * buckets moved from module addresses (one keeps its name, one is renamed) and an awscc resource
 * the mirror cannot plan.
 */
const tinyStack = {
  terraform: {
    required_providers: {
      aws: { source: "aws", version: "6.25.0" },
      awscc: { source: "hashicorp/awscc", version: "1.69.0" },
    },
  },
  provider: { aws: [{ region: "eu-west-2" }], awscc: [{ region: "eu-west-2" }] },
  data: { aws_caller_identity: { current: {} } },
  resource: {
    aws_s3_bucket: {
      logs: { bucket: "logs-${data.aws_caller_identity.current.account_id}" },
      audit: { bucket: "audit-trail-${data.aws_caller_identity.current.account_id}" },
    },
    awscc_connect_approved_origin: { ccp: { instance_id: "i", origin: "https://ccp.example" } },
  },
  moved: [
    { from: "module.logs.aws_s3_bucket.this", to: "aws_s3_bucket.logs" },
    { from: "module.audit.aws_s3_bucket.this", to: "aws_s3_bucket.audit" },
  ],
};

/** `terraform show -json` of a bucket the original state holds at a module address. */
const bucketIn = (module: string, bucket: string) => ({
  address: `module.${module}`,
  resources: [
    {
      address: `module.${module}.aws_s3_bucket.this`,
      mode: "managed",
      type: "aws_s3_bucket",
      name: "this",
      provider_name: "registry.terraform.io/hashicorp/aws",
      schema_version: 0,
      values: {
        id: bucket,
        bucket,
        arn: `arn:aws:s3:::${bucket}`,
        force_destroy: false,
        object_lock_enabled: false,
        tags: null,
        tags_all: {},
      },
    },
  ],
});

const originalState = {
  format_version: "1.0",
  values: {
    root_module: {
      resources: [
        {
          address: "data.aws_caller_identity.current",
          mode: "data",
          type: "aws_caller_identity",
          name: "current",
          provider_name: "registry.terraform.io/hashicorp/aws",
          schema_version: 0,
          values: {
            id: "210987654321",
            account_id: "210987654321",
            arn: "arn:aws:iam::210987654321:user/ops",
            user_id: "AIDA0",
          },
        },
      ],
      child_modules: [bucketIn("logs", "logs-210987654321"), bucketIn("audit", "audit-210987654321")],
    },
  },
};

describeWithEngine("the plan against the real engine (terraform + the plugin mirror)", () => {
  it("keeps a moved bucket in place, fails naming the renamed one and its attribute, on the state's account", async () => {
    // CI runs the CLI itself on the whole stack (npm run plan -- --env dev|prod); here the same
    // planOffline + report, kept while stack, state and engine are unchanged.
    const stack = tinyStack as TerraformConfig;
    const { changes, notes, accountId } = await keptResult(
      "plan-tiny",
      { stack, originalState },
      async () => {
        const result = await planOffline({
          engine: await realEngine(),
          stack,
          stackDir: workDir("plan-tiny-stack"),
          workDir: workDir("plan-tiny"),
          cacheDir: CACHE_DIR,
          state: originalState as ShowJson,
        });
        return {
          changes: result.plan.resource_changes ?? [],
          notes: result.notes,
          accountId: result.accountId,
        };
      },
    );
    expect(accountId).toBe("210987654321");
    const report = judgeStackPlan({ resource_changes: changes }, stack, notes);
    const out = formatPlanReport(report).join("\n");
    expect(out).toMatch(
      /^0 to add, 0 to change, 0 to destroy, 1 to replace, 0 to forget \(2 moved, 1 unchanged\)$/m,
    );
    expect(out).toContain(
      "REPLACE aws_s3_bucket.audit (was module.audit.aws_s3_bucket.this)  [holds data or serves traffic]\n      bucket: audit-210987654321 -> audit-trail-210987654321",
    );
    expect(out).not.toContain("aws_s3_bucket.logs (was");
    expect(out).toContain(
      "  awscc_connect_approved_origin.ccp: hashicorp/awscc 1.69.0 has no offline binary in the plugin mirror",
    );
    expect(out).toMatch(/^FAILED: 1 resource\(s\) .* aws_s3_bucket\.audit \(bucket\)/m);
  }, 300_000);
});
