// @ts-check
"use strict";
/**
 * jest's own runtime, with V8's code cache for the modules it compiles (jest.config.js `runtime`).
 *
 * Every suite gets a fresh module registry, so jest compiles cdktf, the provider classes, zod and
 * the SDK again for each of ~80 suites: 400 MB of source and ~12 s of CPU per run, profiled. Node 20
 * has no module compile cache, and jest's runtime has no hook for one, but it compiles through
 * `vm.compileFunction`, which takes and produces V8 code caches. This wraps that function in the
 * worker (outside any test's context) to keep each compiled module's cache on disk, keyed by a hash
 * of its exact source: an edited file misses and is cached anew, an unchanged one skips parsing.
 * V8 checks a cache against its own version and flags and rejects a stale one, which then compiles
 * as usual. CONNECT_BUILD_CACHE=off turns it off, as it does every other build cache.
 */
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { writeAtomically } = require("../../scripts/support/build-cache.cjs");

const CACHE_DIR = path.resolve(
  __dirname,
  "../../node_modules/.cache/connect-tests/v8",
  `${process.version}-${process.arch}`,
);

const compileFunction = vm.compileFunction;

/**
 * What this worker last compiled under each file name: one worker runs many suites and compiles
 * the same module in each, so comparing the source with the last one (a memory compare) spares
 * hashing it and reading its cache again.
 * @type {Map<string, { code: string, params: string, file: string, cachedData?: Buffer }>}
 */
const lastCompiled = new Map();

/** Compiles with the recorded cache, or compiles and records one. */
function compileFunctionWithCodeCache(
  /** @type {string} */ code,
  /** @type {string[] | undefined} */ params,
  /** @type {vm.CompileFunctionOptions | undefined} */ options,
) {
  if (options?.cachedData !== undefined || options?.produceCachedData) {
    return compileFunction(code, params, options);
  }
  const paramList = JSON.stringify(params ?? []);
  const name = options?.filename ?? "";
  let entry = lastCompiled.get(name);
  if (entry === undefined || entry.code !== code || entry.params !== paramList) {
    const key = createHash("sha256").update(paramList).update("\0").update(code).digest("hex");
    const file = path.join(CACHE_DIR, key.slice(0, 2), key.slice(2));
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined; // not cached yet
    }
    entry = { code, params: paramList, file, cachedData };
    lastCompiled.set(name, entry);
  }
  if (entry.cachedData !== undefined) {
    const compiled = compileFunction(code, params, { ...options, cachedData: entry.cachedData });
    // The flag is the only thing the cache adds to the function: leave jest a plain one.
    const rejected = compiled.cachedDataRejected;
    delete compiled.cachedDataRejected;
    if (!rejected) return compiled;
  }
  const compiled = compileFunction(code, params, { ...options, produceCachedData: true });
  const produced = compiled.cachedData;
  delete compiled.cachedData;
  delete compiled.cachedDataProduced;
  if (produced !== undefined) {
    writeAtomically(entry.file, produced);
    entry.cachedData = produced;
  }
  return compiled;
}

if (process.env.CONNECT_BUILD_CACHE !== "off") vm.compileFunction = compileFunctionWithCodeCache;

// The runtime jest would load itself, resolved from where jest is installed.
module.exports = require(
  require.resolve("jest-runtime", { paths: [path.dirname(require.resolve("jest/package.json"))] }),
);
