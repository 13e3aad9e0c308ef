import { TerraformDataSource, TerraformResource, type TerraformProvider } from "cdktf";
import type { Construct } from "constructs";

/** The provider a resource type belongs to: `aws_kms_key` → `aws` (Terraform's own rule). */
const providerOf = (type: string): string => type.split("_")[0] ?? type;

/**
 * Puts every resource and data source under `scope` in `region`. aws resources take hashicorp/aws
 * 6's per-resource `region` argument (the guardrail does the same for Bedrock): one aws provider
 * configuration for both Regions, so nothing of the primary moves. Global types (IAM) take no
 * region and are left as they are: their names must differ from the primary's. awscc has no
 * per-resource region, so its resources go through `awscc`, a provider alias in `region`.
 */
export function placeInRegion(
  scope: Construct,
  region: string,
  options: {
    /** awscc provider alias in `region`, for awscc resources under `scope`. */
    readonly awscc?: TerraformProvider;
    /** Parts of `scope` that stay where they are (e.g. the primary bucket's replication rule). */
    readonly except?: readonly Construct[];
  } = {},
): void {
  const { awscc } = options;
  const kept = new Set((options.except ?? []).flatMap((c) => c.node.findAll()));
  for (const node of scope.node.findAll()) {
    if (kept.has(node)) continue;
    if (!(node instanceof TerraformResource || node instanceof TerraformDataSource)) continue;
    const provider = providerOf(node.terraformResourceType);
    if (provider === "aws") {
      // The binding declares `region` exactly on the types whose schema has it (regional types).
      if ("region" in node) node.addOverride("region", region);
    } else if (provider === "awscc") {
      if (!awscc) {
        throw new Error(
          `placeInRegion: ${node.node.path} is an awscc resource; pass the awscc provider alias of ${region}`,
        );
      }
      node.provider = awscc;
    }
  }
}
