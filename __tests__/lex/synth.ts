import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { NullProvider } from "@cdktf/provider-null/lib/provider";
import { Testing } from "cdktf";
import { lexSchema } from "../../config/schema/lex";
import { AwsccProvider } from "../../constructs/awscc";
import { AddressedStack } from "../../constructs/core/addresses";
import { LexBots, type LexBotsProps } from "../../constructs/lex";

export const ACCOUNT = "111122223333";
export const INSTANCE_ARN = `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/00000000-0000-0000-0000-000000000000`;
export const LAMBDA_ALIAS_ARN = `arn:aws:lambda:eu-west-2:${ACCOUNT}:function:lex-fallback:live`;

/** A fresh stack with the providers the bots need. */
export function newStack(): AddressedStack {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-2" });
  new AwsccProvider(stack, "awscc", { region: "eu-west-2" });
  new NullProvider(stack, "null");
  return stack;
}

export function lexBotsProps(overrides: Partial<LexBotsProps> = {}): LexBotsProps {
  return {
    config: lexSchema.parse({}),
    locale: "en_GB",
    voiceId: "Amy",
    namePrefix: "connect-comprehensive-dev",
    accountId: ACCOUNT,
    region: "eu-west-2",
    connectInstanceArn: INSTANCE_ARN,
    codeHook: { functionName: "lex-fallback", aliasName: "live", aliasArn: LAMBDA_ALIAS_ARN },
    ...overrides,
  };
}

// Terraform JSON is walked dynamically in assertions.
export type TfJson = Record<string, any>;

/** Synthesize LexBots (validations on) and parse the Terraform JSON. */
export function synthLexBots(overrides: Partial<LexBotsProps> = {}): { json: TfJson; bots: LexBots } {
  const stack = newStack();
  const bots = new LexBots(stack, "lex", lexBotsProps(overrides));
  return { json: JSON.parse(Testing.synth(stack, true)) as TfJson, bots };
}

/** Resources of one type, keyed by logical id. */
export function resourcesOf(json: TfJson, type: string): Record<string, TfJson> {
  return (json.resource?.[type] ?? {}) as Record<string, TfJson>;
}
