/**
 * Evidence from a test call the operator placed through the PIN path (`--test-call <contact id>`):
 * the auth module's result attribute says whether the flow's Lambda calls worked. A phone call
 * cannot be placed from here, which is why these probes need one.
 */
import { ConnectClient, GetContactAttributesCommand } from "@aws-sdk/client-connect";
import { instanceId, type SmokeContext } from "../smoke/context";

/**
 * AuthResult values the module sets only from its Lambda's answer: verify-pin said the PIN matched,
 * or the lockout check said locked. (NotVerified also follows three failed captures, which never
 * reach the Lambda, so it proves nothing about the invocation.)
 */
export const LAMBDA_ANSWERED = ["Authenticated", "LockedOut"] as const;

export const PLACE_A_CALL =
  "call a number of the stack, enter the bank's test customer number and key its correct PIN, hang up, then rerun smoke with --test-call <contact id> (Contact search in the Connect admin website)";

/** The test call's AuthResult, or undefined without --test-call. */
export async function testCallAuthResult(ctx: SmokeContext): Promise<string | undefined> {
  if (!ctx.options.testCall) return undefined;
  // GetContactAttributes response: Attributes (string map) (Connect API reference).
  const out = await ctx.aws.client(ConnectClient, ctx.config.region).send(
    new GetContactAttributesCommand({
      InstanceId: instanceId(ctx),
      InitialContactId: ctx.options.testCall,
    }),
  );
  return out.Attributes?.AuthResult ?? "(not set: the call never reached the auth module)";
}

/** The code-hook Lambda: the function whose environment names the Bedrock model. */
export function codeHookFunction(ctx: SmokeContext): { name: string; alias: string } | undefined {
  const functions = ctx.facts.json.resource?.aws_lambda_function ?? {};
  const [address, body] =
    Object.entries(functions).find(([, f]) => {
      const env = (f.environment as { variables?: Record<string, unknown> } | undefined)?.variables;
      return env?.BEDROCK_MODEL_ID !== undefined;
    }) ?? [];
  if (!address || !body) return undefined;
  const alias = Object.values(ctx.facts.json.resource?.aws_lambda_alias ?? {}).find(
    (a) => a.function_name === `\${aws_lambda_function.${address}.function_name}`,
  );
  return { name: String(body.function_name), alias: String(alias?.name ?? "live") };
}
