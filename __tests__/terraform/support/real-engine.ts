import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildCache } from "../../../scripts/support/build-cache.cjs";
import { findEngine, locateEngine, type Engine } from "../../../scripts/terraform/engine";

/**
 * The real engine for tests: terraform and the plugin mirror's AWS provider (as `npm run plan`
 * uses them). Absent, the suites that need it skip and say so in the jest output, as the browser
 * test does; present, they run it for real.
 */
const located = locateEngine();
/**
 * `npm run check:cdktn -- --tests` turns these off in its cdktn copy once the copy's JSON has
 * compared equal to cdktf's (apart from the provider pin, which the offline view replaces):
 * terraform's verdict on the same configuration is the same, and the copy would plan it again.
 */
const TURNED_OFF =
  process.env.CONNECT_REAL_ENGINE_TESTS === "off"
    ? "CONNECT_REAL_ENGINE_TESTS=off (check:cdktn: the synthesized JSON equals cdktf's, compared before the tests)"
    : undefined;
export const ENGINE_MISSING = TURNED_OFF ?? ("missing" in located ? located.missing : undefined);
if (ENGINE_MISSING) console.warn(`real terraform tests SKIPPED: ${ENGINE_MISSING}`);
export const describeWithEngine = ENGINE_MISSING ? describe.skip : describe;

let engine: Promise<Engine> | undefined;
export function realEngine(): Promise<Engine> {
  return (engine ??= findEngine());
}

export const CACHE_DIR = resolve(__dirname, "../../../node_modules/.cache/connect-plan");

/** A folder of its own per test and key, so two jest workers never share a terraform folder. */
export function workDir(name: string): string {
  const dir = join(CACHE_DIR, "tests", name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The code between a test's inputs and terraform (the offline view, the workspace, the STS stub,
 * the state input): a change to any of it changes what terraform is given, so it is a key too.
 */
const ROOT = resolve(__dirname, "../../..");
const ENGINE_CODE = ["scripts/terraform", "scripts/support"].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((file) => /\.(ts|cjs)$/.test(file))
    .map((file) => join(ROOT, dir, file)),
);

/**
 * A real terraform result kept while its exact inputs, the code that hands them to terraform and
 * the engine are unchanged: the same configuration and state plan the same, and a plan costs
 * 20-60 s on these machines. Any change to what is planned misses and runs terraform again.
 * CONNECT_BUILD_CACHE=off always runs it.
 */
export async function keptResult<T>(name: string, inputs: unknown, run: () => Promise<T>): Promise<T> {
  const e = await realEngine();
  const binary = statSync(e.awsBinary);
  const cache = buildCache<T>(join(CACHE_DIR, "results", `${name}.json`), {
    engine: [e.terraformVersion, e.awsVersion, binary.size, binary.mtimeMs],
    // Records from before the engine code was a key hold no code files: never a hit.
    record: 2,
    inputs: createHash("sha256").update(JSON.stringify(inputs)).digest("hex"),
  });
  const kept = cache.read(() => true);
  if (kept !== undefined) return kept;
  const value = await run();
  cache.write(ENGINE_CODE, value);
  return value;
}
