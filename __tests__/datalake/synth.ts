import { buildLedger } from "../../constructs/migration/ledger";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { loadConfig } from "../../config/load";
import type { StackConfig } from "../../config/schema";
import { AddressedStack } from "../../constructs/core/addresses";

/** Synthesized Terraform JSON, loosely typed for assertions. */
export interface TfJson {
  readonly resource: Record<string, Record<string, Record<string, any>>>;
  readonly data?: Record<string, Record<string, Record<string, any>>>;
  readonly moved?: { from: string; to: string }[];
  readonly removed?: { from: string; lifecycle: { destroy: boolean } }[];
}

export const ENV = { accountId: "111122223333", region: "eu-west-2", partition: "aws" } as const;
export const KMS_KEY = "arn:aws:kms:eu-west-2:111122223333:key/00000000-1111-2222-3333-444444444444";

/** Dev config, optionally with overrides, validated as main.ts does. */
export function devConfig(overrides?: unknown): StackConfig {
  return loadConfig({ env: "dev", overrides });
}

/** A fresh stack with a default aws provider; `build` adds the constructs under test. */
export function synth(build: (stack: AddressedStack) => void): TfJson {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: ENV.region });
  build(stack);
  return JSON.parse(Testing.synth(stack, true)) as TfJson;
}

/** One resource by type and Terraform name; fails loudly when absent. */
export function resource(json: TfJson, type: string, name: string): Record<string, any> {
  const found = json.resource[type]?.[name];
  if (!found)
    throw new Error(
      `${type}.${name} not synthesized; have ${Object.keys(json.resource[type] ?? {}).join(", ")}`,
    );
  return found;
}

/** All Terraform names of one resource type. */
export function names(json: TfJson, type: string): string[] {
  return Object.keys(json.resource[type] ?? {}).sort();
}

/** Parsed IAM policy statements of a JSON policy string. */
export function statements(policy: string): any[] {
  return (JSON.parse(policy) as { Statement: any[] }).Statement;
}

/** Original addresses the synthesized JSON neither keeps, moves, removes nor reads as data (shared ledger). */
export function unaccountedAddresses(addresses: readonly string[], json: TfJson): string[] {
  return buildLedger(addresses, json as Parameters<typeof buildLedger>[1])
    .filter((entry) => entry.disposition === "unaccounted")
    .map((entry) => entry.address);
}
