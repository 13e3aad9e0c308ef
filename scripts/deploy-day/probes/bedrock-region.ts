/**
 * Unverified until deployed: the configured model (Claude 3 Haiku by default) answers in
 * bedrockRegion (eu-central-1 by default) behind the stack's guardrail. One short Converse with the
 * model, region and guardrail the live Lambda is configured with (its environment).
 */
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { describeError, fail, pass, skip, type Check, type CheckResult } from "../check";
import type { SmokeContext } from "../smoke/context";
import { codeHookFunction } from "./test-call";

export const bedrockRegionProbe: Check<SmokeContext> = {
  id: "probe:bedrock-model-in-region",
  title: "the model answers in bedrockRegion behind the guardrail",
  async run(ctx): Promise<CheckResult> {
    const id = "probe:bedrock-model-in-region";
    const fn = codeHookFunction(ctx);
    if (!fn) return skip(id, "no function of the stack calls Bedrock");
    // GetFunctionConfiguration response: Environment.Variables (Lambda API reference).
    const config = await ctx.aws
      .client(LambdaClient, ctx.config.region)
      .send(new GetFunctionConfigurationCommand({ FunctionName: fn.name, Qualifier: fn.alias }));
    const env = config.Environment?.Variables ?? {};
    const [modelId, region] = [env.BEDROCK_MODEL_ID, env.BEDROCK_REGION ?? ctx.config.bedrockRegion];
    if (!modelId) return fail(id, `${fn.name}:${fn.alias} has no BEDROCK_MODEL_ID`, "deploy again");
    const guardrail = env.BEDROCK_GUARDRAIL_ID
      ? {
          guardrailConfig: {
            guardrailIdentifier: env.BEDROCK_GUARDRAIL_ID,
            guardrailVersion: env.BEDROCK_GUARDRAIL_VERSION ?? "DRAFT",
          },
        }
      : {};
    try {
      // Converse response: output.message.content[].text, stopReason (Bedrock Runtime API reference).
      const out = await ctx.aws.client(BedrockRuntimeClient, region).send(
        new ConverseCommand({
          modelId,
          messages: [{ role: "user", content: [{ text: "Reply with the single word OK." }] }],
          inferenceConfig: { maxTokens: 5, temperature: 0 },
          ...guardrail,
        }),
      );
      const text = out.output?.message?.content?.map((c) => c.text ?? "").join("") ?? "";
      return pass(
        id,
        `${modelId} in ${region}${env.BEDROCK_GUARDRAIL_ID ? ` with guardrail ${env.BEDROCK_GUARDRAIL_ID}` : ""}: "${text.trim()}" (${out.stopReason ?? "?"})`,
      );
    } catch (error) {
      return fail(
        id,
        `${modelId} in ${region}: ${describeError(error)}`,
        "enable model access there, or check the guardrail supports the model in that region (README, Bedrock region and model)",
      );
    }
  },
};
