import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

/**
 * A build folder kept between runs for one suite, so the builds' own caches (bundleLambda,
 * buildCcpSite: keyed by every input they read) are hits while nothing changed. One folder per
 * suite: two jest workers never write the same one. Suites that test the building itself
 * (determinism, the cache) keep building into fresh folders.
 */
export function keptBuildDir(suite: string): string {
  const dir = resolve(__dirname, "../../node_modules/.cache/connect-tests/builds", suite);
  mkdirSync(dir, { recursive: true });
  return dir;
}
