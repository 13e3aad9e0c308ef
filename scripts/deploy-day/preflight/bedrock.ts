/** Model access for the configured model in `bedrockRegion`, asked of Bedrock, not assumed. */
import { BedrockClient, GetFoundationModelAvailabilityCommand } from "@aws-sdk/client-bedrock";
import { errorName, fail, pass, type Check, type CheckResult } from "../check";
import type { DeployDayContext } from "../context";

export const bedrockAccessCheck: Check<DeployDayContext> = {
  id: "bedrock-model-access",
  title: "the configured model is available and authorized in bedrockRegion",
  async run(ctx): Promise<CheckResult> {
    const region = ctx.config.bedrockRegion;
    const model = ctx.config.lambda.bedrockModelId;
    const fix = `enable access to ${model} in the Bedrock console in ${region} (Model access), or set bedrockRegion and lambda.bedrockModelId to a model offered there`;
    try {
      // GetFoundationModelAvailability response: authorizationStatus, entitlementAvailability,
      // regionAvailability, agreementAvailability.status (Bedrock API reference).
      const out = await ctx.aws
        .client(BedrockClient, region)
        .send(new GetFoundationModelAvailabilityCommand({ modelId: model }));
      const problems = [
        out.regionAvailability !== "AVAILABLE" &&
          `not offered in ${region} (${out.regionAvailability ?? "?"})`,
        out.authorizationStatus !== "AUTHORIZED" && `access ${out.authorizationStatus ?? "unknown"}`,
        out.entitlementAvailability !== "AVAILABLE" &&
          `entitlement ${out.entitlementAvailability ?? "unknown"}`,
        out.agreementAvailability?.status !== "AVAILABLE" &&
          `agreement ${out.agreementAvailability?.status ?? "unknown"}${out.agreementAvailability?.errorMessage ? ` (${out.agreementAvailability.errorMessage})` : ""}`,
      ].filter((p): p is string => typeof p === "string");
      if (problems.length > 0)
        return fail("bedrock-model-access", `${model} in ${region}: ${problems.join("; ")}`, fix);
      return pass("bedrock-model-access", `${model} is available and authorized in ${region}`);
    } catch (error) {
      if (errorName(error) === "ResourceNotFoundException")
        return fail("bedrock-model-access", `Bedrock in ${region} does not know the model ${model}`, fix);
      throw error;
    }
  },
};
