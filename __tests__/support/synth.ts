import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Testing } from "cdktf";
import { join } from "node:path";
import type { CcpAsset, CcpSiteAssets } from "../../constructs/ccp/assets";
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

function prebuiltAsset(key: string, contentType: string): CcpAsset {
  const path = join(__dirname, "../ccp/fixtures/prebuilt", key);
  return { key, path, contentType, md5: createHash("md5").update(readFileSync(path)).digest("hex") };
}

/** Stack tests never run esbuild: small files stand in for the CCP site's built scripts and styles. */
export const PREBUILT_CCP_ASSETS: CcpSiteAssets = {
  streams: prebuiltAsset("connect-streams-PREBUILT.js", "text/javascript; charset=utf-8"),
  app: prebuiltAsset("ccp-PREBUILT.js", "text/javascript; charset=utf-8"),
  styles: prebuiltAsset("ccp-PREBUILT.css", "text/css; charset=utf-8"),
};

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
    companionApiCode: PREBUILT_LAMBDA,
    crmApiCode: PREBUILT_LAMBDA,
    ccpSiteAssets: PREBUILT_CCP_ASSETS,
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
