import { Testing } from "cdktf";
import { join } from "node:path";
import { zipFromFile } from "../../constructs/lambda/nodejs-lambda";
import { loadConfig } from "../../config/load";
import type { StackConfig } from "../../config/schema";
import { ContactCentreStack, stackNameFor } from "../../constructs/contact-centre-stack";

/** Synthesized Terraform JSON, parsed. */
export type TerraformJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  provider?: Record<string, Array<Record<string, unknown>>>;
  terraform?: Record<string, unknown>;
  moved?: Array<{ from: string; to: string }>;
  removed?: Array<{ from: string; lifecycle: { destroy: boolean } }>;
  import?: Array<{ to: string; id: string }>;
  [key: string]: unknown;
};

/** Stack tests never run esbuild: a small prebuilt zip stands in for the bundle. */
export const PREBUILT_LAMBDA = zipFromFile(join(__dirname, "../lambda/fixtures/prebuilt.zip"));

export function configFor(env: string, overrides?: unknown): StackConfig {
  return loadConfig({ env, overrides });
}

/** Build the whole stack for an environment and return its synthesized JSON (validations run). */
export function synthStack(
  env: string,
  overrides?: unknown,
): { json: TerraformJson; text: string; stack: ContactCentreStack } {
  const config = configFor(env, overrides);
  const app = Testing.app();
  const stack = new ContactCentreStack(app, stackNameFor(config), {
    config,
    lexFallbackCode: PREBUILT_LAMBDA,
    ctrMetricsCode: PREBUILT_LAMBDA,
  });
  const text = Testing.synth(stack, true);
  return { json: JSON.parse(text) as TerraformJson, text, stack };
}

/** Every resource as [type, name, body]. */
export function resourcesOf(json: TerraformJson): Array<[string, string, Record<string, unknown>]> {
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(
      ([name, body]) => [type, name, body] as [string, string, Record<string, unknown>],
    ),
  );
}
