import type { TerraformMetaArguments, TerraformResourceConfig } from "cdktf";
import { AWSCC_PROVIDER_VERSION } from "./provider";

/** The TerraformResource base config every awscc binding passes, as `cdktf get` writes it. */
export function awsccResourceConfig(
  terraformResourceType: string,
  meta: TerraformMetaArguments,
): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: "awscc", providerVersion: AWSCC_PROVIDER_VERSION },
    provider: meta.provider,
    dependsOn: meta.dependsOn,
    count: meta.count,
    lifecycle: meta.lifecycle,
    provisioners: meta.provisioners,
    connection: meta.connection,
    forEach: meta.forEach,
  };
}

type HclAttribute = { value: unknown; isBlock: false; type: "simple" | "any"; storageClassType: string };

/**
 * The HCL rendering of a binding's attributes (what `cdktf synth --hcl` writes), derived from its
 * JSON attributes so the two cannot disagree. awscc schemas use nested attributes, never blocks, so
 * objects and lists render as HCL expressions (`name = { … }`). Without this, cdktf writes the
 * resource with no arguments at all.
 */
export function awsccHclAttributes(attributes: Record<string, unknown>): Record<string, HclAttribute> {
  const hcl: Record<string, HclAttribute> = {};
  for (const [name, raw] of Object.entries(attributes)) {
    const value = withoutUndefined(raw);
    if (value === undefined) continue;
    hcl[name] =
      typeof value === "object"
        ? { value, isBlock: false, type: "any", storageClassType: "any" }
        : { value, isBlock: false, type: "simple", storageClassType: typeof value };
  }
  return hcl;
}

/** Drops undefined members at every depth: HCL has no "absent" literal to render them as. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value)
    .map(([key, member]) => [key, withoutUndefined(member)] as const)
    .filter(([, member]) => member !== undefined);
  return Object.fromEntries(entries);
}
