import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CcpAsset, CcpSiteAssets } from "../../constructs/ccp/assets";
import { zipFromFile } from "../../constructs/lambda/types";
import type { StackConfig } from "../../config/schema";
import type { ContactCentreStack } from "../../constructs/contact-centre-stack";
import { buildCache } from "../../scripts/support/build-cache.cjs";

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

// cdktf, the constructs and the config schema are required where a stack is built, not imported
// above: a suite whose stacks all come from the cache never loads them (~0.5 s of CPU a suite).
/* eslint-disable @typescript-eslint/no-require-imports */

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
  const { loadConfig } = require("../../config/load") as typeof import("../../config/load");
  return loadConfig({ env, overrides });
}

type StackModule = typeof import("../../constructs/contact-centre-stack");
const cdktf = () => require("cdktf") as typeof import("cdktf");

export interface SynthesizedStack {
  readonly json: TerraformJson;
  readonly text: string;
  /** `stack.toTerraform()`: the JSON with each element's "//" metadata (removed blocks' reasons). */
  readonly full: TerraformJson;
  /** `cdktf synth --hcl` output (AddressedStack.toHclTerraform). */
  readonly hcl: string;
  /** The construct tree; built on first use when the rest came from the cache. */
  readonly stack: ContactCentreStack;
}

/** The whole stack built from a validated config, with the prebuilt Lambda zips and CCP assets. */
export function buildStack(config: StackConfig): ContactCentreStack {
  const stackModule: StackModule = require("../../constructs/contact-centre-stack");
  const { ContactCentreStack, stackNameFor } = stackModule;
  return new ContactCentreStack(cdktf().Testing.app(), stackNameFor(config), {
    config,
    lexFallbackCode: PREBUILT_LAMBDA,
    ctrMetricsCode: PREBUILT_LAMBDA,
    companionApiCode: PREBUILT_LAMBDA,
    crmApiCode: PREBUILT_LAMBDA,
    callbackStatusCode: PREBUILT_LAMBDA,
    ccpSiteAssets: PREBUILT_CCP_ASSETS,
  });
}

/** Build the whole stack for an environment and return its synthesized JSON (validations run). */
function synthFresh(env: string, overrides?: unknown): SynthesizedStack {
  return synthFreshConfig(configFor(env, overrides));
}

function synthFreshConfig(config: StackConfig): SynthesizedStack {
  const stack = buildStack(config);
  const text = cdktf().Testing.synth(stack, true);
  // Rendered on first use: most callers (every synth with overrides) read only the JSON.
  let full: TerraformJson | undefined;
  let hcl: string | undefined;
  return {
    json: JSON.parse(text) as TerraformJson,
    text,
    get full() {
      return (full ??= stack.toTerraform() as TerraformJson);
    },
    get hcl() {
      return (hcl ??= stack.toHclTerraform().hcl);
    },
    stack,
  };
}

const ROOT = resolve(__dirname, "../..");
/** Everything a whole-stack synth reads besides node_modules: code, config, templates, fixtures. */
const SYNTH_INPUTS = [
  "constructs",
  "config",
  "contact_flows",
  "ccp_site",
  // Lambda sources the constructs and config import (the customer-id format, log message names).
  "lambda/shared",
  "lambda/http_api",
  // This file alone of the test support: an edit to the test runtime or a CLI helper left every
  // cached stack as it was, yet cost the next run ~35 s of CPU synthesizing them all again.
  "__tests__/support/synth.ts",
  "__tests__/lambda/fixtures",
  "__tests__/ccp/fixtures",
];

/** The files at a project path: the file itself, or every file under the directory. */
function filesAt(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesAt(join(path, entry.name)) : [join(path, entry.name)],
  );
}

/** Every file a whole-stack synth reads, and the files under `alsoUnder` (project paths). */
export function synthInputFiles(alsoUnder: readonly string[] = []): string[] {
  return [...SYNTH_INPUTS, ...alsoUnder].flatMap((input) => filesAt(join(ROOT, input)));
}

/**
 * Records this suite already found current, by variant. Checking one hashes every synth input
 * (~415 files) and reads up to 1.5 MB: suites asking for the same stack in each test paid that
 * per call (smoke: ~0.8 s of CPU). The sources do not change while a suite runs; each call still
 * parses its own JSON, so a test that edits what it gets cannot reach the next.
 */
const checkedRecords = new Map<string, { text: string; full?: TerraformJson; hcl?: string }>();

/**
 * The whole stack for an environment (and config overrides), synthesized once per change of its
 * inputs and shared by every suite and run (each synth plus loading the constructs cost 4-6 s).
 * Same inputs, same JSON: the synth is deterministic, and the cache follows
 * scripts/support/build-cache.cjs (CONNECT_BUILD_CACHE=off always synthesizes). The default
 * config's HCL and metadata JSON are kept too; with overrides only the JSON is, and the rest is
 * built on first use.
 */
export function synthStack(env: string, overrides?: unknown): SynthesizedStack {
  type Cached = { text: string; full?: TerraformJson; hcl?: string };
  const variant =
    overrides === undefined
      ? env
      : `${env}-${createHash("sha256").update(JSON.stringify(overrides)).digest("hex").slice(0, 16)}`;
  const cache = buildCache<Cached>(
    join(ROOT, "node_modules", ".cache", "connect-tests", `synth-${variant}.json`),
    {
      env,
      overrides: overrides ?? null,
    },
  );
  const cached = checkedRecords.get(variant) ?? cache.read(() => true);
  if (cached === undefined) {
    const fresh = synthFresh(env, overrides);
    const record: Cached =
      overrides === undefined ? { text: fresh.text, full: fresh.full, hcl: fresh.hcl } : { text: fresh.text };
    cache.write(synthInputFiles(), record);
    checkedRecords.set(variant, record);
    return fresh;
  }
  checkedRecords.set(variant, cached);
  let built: SynthesizedStack | undefined;
  let fullCopy: TerraformJson | undefined;
  const build = () => (built ??= synthFresh(env, overrides));
  return {
    text: cached.text,
    json: JSON.parse(cached.text) as TerraformJson,
    // A copy per call, like json: the record is shared by every call of the suite.
    get full() {
      return (fullCopy ??= cached.full ? structuredClone(cached.full) : build().full);
    },
    get hcl() {
      return cached.hcl ?? build().hcl;
    },
    get stack() {
      return build().stack;
    },
  };
}

/**
 * The stack of a config a test built itself (e.g. from an environment file standing in for the
 * bank's edited prod.ts), synthesized once per change of the config or of the synth inputs.
 */
export function synthConfig(config: StackConfig): SynthesizedStack {
  const variant = `config-${createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 16)}`;
  const cache = buildCache<{ text: string }>(
    join(ROOT, "node_modules", ".cache", "connect-tests", `synth-${variant}.json`),
    { config },
  );
  const cached = checkedRecords.get(variant) ?? cache.read(() => true);
  if (cached === undefined) {
    const fresh = synthFreshConfig(config);
    cache.write(synthInputFiles(), { text: fresh.text });
    checkedRecords.set(variant, { text: fresh.text });
    return fresh;
  }
  checkedRecords.set(variant, cached);
  let built: SynthesizedStack | undefined;
  const build = () => (built ??= synthFreshConfig(config));
  return {
    text: cached.text,
    json: JSON.parse(cached.text) as TerraformJson,
    get full() {
      return build().full;
    },
    get hcl() {
      return build().hcl;
    },
    get stack() {
      return build().stack;
    },
  };
}

/** Every resource as [type, name, body]. */
export function resourcesOf(json: TerraformJson): Array<[string, string, Record<string, unknown>]> {
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(
      ([name, body]) => [type, name, body] as [string, string, Record<string, unknown>],
    ),
  );
}
