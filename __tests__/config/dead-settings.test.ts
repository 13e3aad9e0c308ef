import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { TerraformElement } from "cdktf";
import type { z } from "zod";
import { loadConfig } from "../../config/load";
import { configSchema, type ConfigInput, type StackConfig } from "../../config/schema";
import { isPlainObject, settingLeaves, type SettingLeaf } from "../../config/tree";
import { runRules } from "../../constructs/rules";
import { buildCache } from "../../scripts/support/build-cache.cjs";
import type { ContactCentreStack } from "../../constructs/contact-centre-stack";
import { buildStack, synthInputFiles } from "../support/synth";
import { EFFECTS, SCENARIOS, type Effect, type Scenario } from "./setting-effects";

/**
 * No dead settings: every leaf of the config schema, changed alone in an environment file,
 * changes the synthesized stack (or, for settings that only guard, is refused; for rule
 * suppressions, changes the rule report), unless it is listed as inert with the reason.
 */

type Path = Array<string | number>;

function valueAt(config: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], config);
}

function withValue(config: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(config) as Record<string | number, unknown>;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  parent[key] = typeof value === "function" ? (value as (v: unknown) => unknown)(parent[key]) : value;
  return copy;
}

/** The leaf's path in a config: `*` → its first map key, `[]` → item 0; undefined when the config has none. */
function concretePath(config: unknown, schemaPath: string): Path | undefined {
  const path: Path = [];
  let node = config;
  for (const segment of schemaPath.split(".")) {
    if (segment === "*") {
      const first = isPlainObject(node) ? Object.keys(node)[0] : undefined;
      if (first === undefined) return undefined;
      path.push(first);
    } else path.push(segment === "[]" ? 0 : segment);
    node = (node as Record<string | number, unknown> | undefined)?.[path[path.length - 1]];
  }
  return path;
}

/** Another valid value derived from the schema: a boolean flipped, another option, a number one step on. */
function derivedValue(leaf: SettingLeaf, current: unknown): unknown {
  const { def, schema } = leaf.schema;
  // Unset here: only an optional number has an obvious first value (its minimum).
  if (current === undefined && def.type !== "number") return undefined;
  if (def.type === "boolean") return !current;
  if (def.type === "enum")
    return Object.values(def.entries as Record<string, string>).find((v) => v !== current);
  if (def.type === "literal") {
    const values = def.values as unknown[];
    return values[(values.indexOf(current) + 1) % values.length];
  }
  if (def.type === "number") {
    const number = schema as unknown as z.ZodNumber;
    const step = number.isInt ? 1 : 0.05;
    const from = typeof current === "number" ? current : Math.max(number.minValue ?? 0, step);
    const up = Math.round((from + step) * 100) / 100;
    return current === undefined ? from : up <= (number.maxValue ?? Infinity) ? up : from - step;
  }
  return undefined;
}

const ROOT = resolve(__dirname, "../..");

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Token placeholders (strings, list and number encodings, resolvable objects) all read as one mark. */
function maskTokens(_key: string, value: unknown): unknown {
  if (typeof value === "string") return value.replace(/[$#]\{TfToken\[[^\]]+\]\}/g, "<token>");
  if (typeof value === "number" && Math.abs(value) > 1e288) return "<token>";
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { resolve?: unknown }).resolve === "function"
  ) {
    return "<token>";
  }
  return value;
}

/** Every element's Terraform before tokens resolve (a quarter of a synth), tokens masked. */
function unresolvedDigest(stack: ContactCentreStack): string {
  const elements = stack.node.findAll().filter((c): c is TerraformElement => c instanceof TerraformElement);
  return sha256(elements.map((e) => JSON.stringify(e.toTerraform(), maskTokens)).join("\n"));
}

/**
 * Which variants synthesize a stack other than their baseline's. First compared before tokens
 * resolve: a difference there, tokens masked, is a difference in what Terraform receives. Only
 * when that view is equal is the whole stack resolved and compared (a change may hide in a token).
 * The verdicts are kept in node_modules/.cache while no input changes (CONNECT_BUILD_CACHE=off
 * decides again).
 */
function changedVariants(
  baselines: ReadonlyMap<string, StackConfig>,
  variants: ReadonlyMap<string, { readonly baseline: string; readonly config: StackConfig }>,
): Set<string> {
  const cache = buildCache<string[]>(
    join(ROOT, "node_modules", ".cache", "connect-tests", "dead-settings.json"),
    [...variants.keys()],
  );
  const cached = cache.read(() => true);
  if (cached) return new Set(cached);
  const built = new Map([...baselines].map(([name, config]) => [name, buildStack(config)]));
  const early = new Map([...built].map(([name, stack]) => [name, unresolvedDigest(stack)]));
  const resolved = new Map<string, string>();
  const resolvedDigest = (name: string) =>
    resolved.get(name) ??
    resolved.set(name, sha256(JSON.stringify(built.get(name)?.toTerraform()))).get(name);
  const changed = new Set<string>();
  for (const [name, { baseline, config }] of variants) {
    const stack = buildStack(config);
    if (unresolvedDigest(stack) !== early.get(baseline)) changed.add(name);
    else if (sha256(JSON.stringify(stack.toTerraform())) !== resolvedDigest(baseline)) changed.add(name);
  }
  // The stack's inputs, and this suite's own (the trials and their expected effects).
  cache.write(synthInputFiles(["__tests__/config"]), [...changed]);
  return changed;
}

interface Trial {
  readonly leaf: string;
  readonly effect: Exclude<Effect, { inert: string }>;
  readonly scenario: Scenario;
  readonly path: Path;
  readonly value: unknown;
}

/** A scenario's whole config (defaults filled in): the environment file the trials change. */
const scenarioConfigs = new Map<Scenario, StackConfig>();
function scenarioConfig(scenario: Scenario): StackConfig {
  let config = scenarioConfigs.get(scenario);
  if (!config) {
    config = loadConfig({ env: SCENARIOS[scenario].env, overrides: SCENARIOS[scenario].add });
    scenarioConfigs.set(scenario, config);
  }
  return config;
}

/** The scenario's environment file with one setting changed (and any it must change with), validated. */
function mutatedConfig(trial: Trial): StackConfig {
  const { env } = SCENARIOS[trial.scenario];
  let file = withValue(scenarioConfig(trial.scenario), trial.path, trial.value);
  const along = trial.effect.changes === "output" ? (trial.effect.with ?? {}) : {};
  for (const [path, value] of Object.entries(along)) file = withValue(file, path.split("."), value);
  return loadConfig({ env, environments: { [env]: file as ConfigInput } });
}

/** One trial per setting, in the first scenario whose config has the setting (or its parent object). */
function planTrials(): { trials: Trial[]; inert: Array<[string, string]>; unplanned: string[] } {
  const trials: Trial[] = [];
  const inert: Array<[string, string]> = [];
  const unplanned: string[] = [];
  for (const leaf of settingLeaves(configSchema)) {
    const listed = EFFECTS[leaf.path];
    if (listed && "inert" in listed) {
      inert.push([leaf.path, listed.inert]);
      continue;
    }
    const effect = listed ?? ({ changes: "output" } as const);
    const scenarios = effect.in ? [effect.in] : (Object.keys(SCENARIOS) as Scenario[]);
    const trial = scenarios.flatMap((scenario): Trial[] => {
      const config = scenarioConfig(scenario);
      const path = effect.at
        ? effect.at.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s))
        : concretePath(config, leaf.path);
      if (!path || !isPlainObject(valueAt(config, path.slice(0, -1)))) return [];
      const value =
        "value" in effect && effect.value !== undefined
          ? effect.value
          : derivedValue(leaf, valueAt(config, path));
      return value === undefined ? [] : [{ leaf: leaf.path, effect, scenario, path, value }];
    })[0];
    if (trial) trials.push(trial);
    else unplanned.push(leaf.path);
  }
  return { trials, inert, unplanned };
}

/** Every suppression shows in the rule report (against an empty stack, as unused), fields included. */
function ruleReport(config: StackConfig): string {
  const report = runRules({}, { production: false, suppressions: config.rules.suppressions });
  return JSON.stringify({ ...report, milliseconds: 0 });
}

describe("every config setting does something", () => {
  const { trials, inert, unplanned } = planTrials();

  it("each setting has a change to try, or a reason it is inert", () => {
    expect(unplanned).toStrictEqual([]);
    expect(
      Object.keys(EFFECTS).filter((path) => !settingLeaves(configSchema).some((l) => l.path === path)),
    ).toStrictEqual([]);
  });

  it("each setting changes what it should: the stack, the rule report, or what the config accepts", () => {
    const baselines = new Map(trials.map((t) => [t.scenario, scenarioConfig(t.scenario)]));
    const variants = new Map<string, StackConfig>();
    const problems: string[] = [];
    for (const trial of trials) {
      const change = `${JSON.stringify(trial.value)} at ${trial.path.join(".")} (${trial.scenario})`;
      let config: StackConfig;
      try {
        config = mutatedConfig(trial);
      } catch (error) {
        if (trial.effect.changes !== "nothing but validation") {
          problems.push(`${trial.leaf}: ${change} is refused: ${(error as Error).message}`);
        }
        continue;
      }
      if (trial.effect.changes === "nothing but validation")
        problems.push(`${trial.leaf}: ${change} is accepted`);
      else if (trial.effect.changes === "output") variants.set(trial.leaf, config);
      else if (ruleReport(config) === ruleReport(baselines.get(trial.scenario) as StackConfig)) {
        problems.push(`${trial.leaf}: ${change} leaves the rule report as it was`);
      }
    }
    const changed = changedVariants(
      baselines,
      new Map(
        trials
          .filter((t) => variants.has(t.leaf))
          .map((t) => [t.leaf, { baseline: t.scenario, config: variants.get(t.leaf) as StackConfig }]),
      ),
    );
    for (const trial of trials.filter((t) => variants.has(t.leaf) && !changed.has(t.leaf))) {
      problems.push(
        `${trial.leaf}: ${JSON.stringify(trial.value)} at ${trial.path.join(".")} (${trial.scenario}) synthesizes the same stack`,
      );
    }
    expect(problems).toStrictEqual([]);
  });

  it("lists what is inert and why", () => {
    expect(inert.map(([path]) => path).sort()).toStrictEqual([
      "backend.encrypt",
      "ccp.connectStreamsFile",
      "dr.replicaAlias",
    ]);
  });
});
