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
