import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { loadConfig } from "../../config/load";
import { ConnectCore } from "../../constructs/connect";
import { AddressedStack } from "../../constructs/core/addresses";

export const ACCOUNT = { accountId: "111122223333", region: "eu-west-2", partition: "aws" } as const;

/** A fresh stack with an aws provider, so resources have a provider. */
export function newStack(): AddressedStack {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: ACCOUNT.region });
  return stack;
}

/** Synthesize with validations and parse. */
export function synthJson(stack: AddressedStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack, true));
}

/** ConnectCore from the dev config plus overrides, in a fresh stack. */
export function connectCore(overrides?: unknown): { stack: AddressedStack; core: ConnectCore } {
  const config = loadConfig({ env: "dev", overrides });
  const stack = newStack();
  const core = new ConnectCore(stack, "connect", {
    config: config.connect,
    projectName: config.projectName,
    environment: config.environment,
    account: ACCOUNT,
  });
  return { stack, core };
}

/** All resources of one type, by logical id. */
export function resourcesOfType(json: Record<string, any>, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** Resource of `type` whose `name` argument equals `name`. */
export function byName(json: Record<string, any>, type: string, name: string): any {
  const found = Object.values(resourcesOfType(json, type)).find((r: any) => r.name === name);
  if (!found) throw new Error(`no ${type} named ${name}`);
  return found;
}

/** `${type.logical_id.attr}` → logical id, for following references in synthesized JSON. */
export function refId(ref: string): string {
  const match = /^\$\{[a-z0-9_]+\.([a-z0-9_]+)\.[a-z_]+\}$/.exec(ref);
  if (!match) throw new Error(`not a reference: ${ref}`);
  return match[1];
}
