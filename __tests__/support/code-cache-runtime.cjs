// @ts-check
"use strict";
/**
 * jest's own runtime (jest.config.js `runtime`) with three changes for a worker that runs many
 * suites: V8's code cache for the modules it compiles, module sources read once per worker, and
 * jest-circus's per-suite AsyncLocalStorage switched off when its suite ends (both below).
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
const { INSTALLED_TREE, IN_NODE_MODULES, writeAtomically } = require("../../scripts/support/build-cache.cjs");

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
  /** @type {readonly string[] | undefined} */ params,
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
const Runtime = require(
  require.resolve("jest-runtime", { paths: [path.dirname(require.resolve("jest/package.json"))] }),
).default;

/**
 * Each suite's runtime reads every module's source afresh (its file cache lives one suite): a
 * suite that loads the stack reads and decodes ~40 MB (cdktf, the provider classes), ~0.4 s of
 * CPU, the same bytes in every such suite. This worker keeps what it read: a project file is
 * checked against its size and mtime on each use (an edit in watch mode is read again); files
 * under node_modules, ~90 % of the reads, are kept while npm's record of the installed tree is
 * unchanged (one stat a suite, not one a module: ~1 s of CPU a run).
 * @type {Map<string, { size: number, mtimeMs: number, source: string }>}
 */
const sourcesRead = new Map();
let installedTreeMtime = 0;

/** Forgets the dependencies' sources when an install has changed them since they were read. */
function checkInstalledTree() {
  const mtimeMs = fs.statSync(INSTALLED_TREE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (mtimeMs === installedTreeMtime) return;
  installedTreeMtime = mtimeMs;
  for (const file of sourcesRead.keys()) if (file.includes(IN_NODE_MODULES)) sourcesRead.delete(file);
}

/**
 * jest-circus creates an AsyncLocalStorage in every suite and never disables it; Node 20 calls
 * each enabled one on every promise the process creates afterwards, so a worker's 60th suite paid
 * for the 59 before it (~3 s of CPU a run in band, profiled). Storages a suite created are disabled
 * when it ends.
 * @type {import("node:async_hooks").AsyncLocalStorage<unknown>[]}
 */
const storagesCreated = [];
const asyncHooks = require("node:async_hooks");
const { AsyncLocalStorage } = asyncHooks;
/** @extends {AsyncLocalStorage<unknown>} */
class SuiteAsyncLocalStorage extends AsyncLocalStorage {
  constructor() {
    super();
    storagesCreated.push(this);
  }
}
/** @type {{ AsyncLocalStorage: unknown }} */ (asyncHooks).AsyncLocalStorage = SuiteAsyncLocalStorage;

class SuiteRuntime extends Runtime {
  /** @param {ConstructorParameters<typeof Runtime>} args */
  constructor(...args) {
    super(...args);
    this.firstStorage = storagesCreated.length;
    if (process.env.CONNECT_BUILD_CACHE !== "off") shareSources(/** @type {any} */ (this).fileCache);
  }

  teardown() {
    super.teardown();
    for (const storage of storagesCreated.splice(this.firstStorage)) storage.disable();
  }
}

/** @param {{ strings: Map<string, string>, readFile(file: string): string }} fileCache jest's, one suite's */
function shareSources(fileCache) {
  checkInstalledTree();
  const readFile = fileCache.readFile.bind(fileCache);
  fileCache.readFile = (/** @type {string} */ file) => {
    const own = fileCache.strings.get(file);
    if (own !== undefined) return own;
    const kept = sourcesRead.get(file);
    if (kept !== undefined && file.includes(IN_NODE_MODULES)) {
      fileCache.strings.set(file, kept.source);
      return kept.source;
    }
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat === undefined) return readFile(file);
    if (kept !== undefined && kept.size === stat.size && kept.mtimeMs === stat.mtimeMs) {
      fileCache.strings.set(file, kept.source);
      return kept.source;
    }
    const source = readFile(file);
    sourcesRead.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, source });
    return source;
  };
}

/**
 * A worker that ran ~65 suites holds a heap of ~1 GB. Its event loop is empty the moment jest asks
 * it to end (measured: the 'exit' event fires 1-2 ms after), but what Node does after that event on
 * a natural exit (freeing the environment and its heap) could outlast the 500 ms jest waits before
 * killing it and printing "A worker process has failed to exit gracefully ... tests leaking due to
 * improper teardown" on every run: no test had leaked anything. The worker ends the way
 * process.exit() ends a process, with the same exit code.
 */
if (typeof process.send === "function") {
  process.on("exit", (code) =>
    /** @type {{ reallyExit(code: number): never }} */ (/** @type {unknown} */ (process)).reallyExit(code),
  );
}

module.exports = SuiteRuntime;
