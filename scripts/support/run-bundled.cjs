// @ts-check
"use strict";
/**
 * Runs a project TypeScript entry (the CDKTF app, a CLI under scripts/) from one esbuild bundle,
 * rebuilt only when a source it reads changes. Loading ~200 TypeScript modules through tsx on every
 * start cost ~2 s and ~170 MB more than one pre-bundled CommonJS file. Types are not checked here:
 * `npm run typecheck` and CI do that. Bundles are reused under the rules of build-cache.cjs
 * (CONNECT_BUILD_CACHE=off always rebuilds).
 */
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");
const { buildCache, writeAtomically } = require("./build-cache.cjs");
const { buildErrorLines } = require("./build-errors.cjs");

const ROOT = path.resolve(__dirname, "..", "..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "connect-app");

/**
 * Each project file's __dirname/__filename is replaced by its real location: templates and the
 * CCP page are read relative to the source that names them, not the bundle.
 * @type {import("esbuild").Plugin}
 */
const sourceLocation = {
  name: "source-location",
  setup(build) {
    build.onLoad({ filter: /\.(ts|cjs|js)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, "utf8");
      const contents = source
        .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
        .replace(/\b__filename\b/g, JSON.stringify(args.path));
      return { contents, loader: args.path.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

/**
 * @param {object} options
 * @param {string} options.entry the TypeScript entry, relative to the project root
 * @param {string} options.what how the progress line names it ("the app", "scripts/rules.ts")
 * @param {NodeJS.WritableStream} options.progress where the one "compiling" line goes (stderr for
 *   CLIs whose stdout is machine-readable)
 * @param {string} [options.launcher] the calling launcher's source: a change to it rebuilds
 */
async function runBundled({ entry, what, progress, launcher = "" }) {
  const entryPath = path.resolve(ROOT, entry);
  if (!fs.existsSync(entryPath)) throw new Error(`no such entry: ${entry}`);
  const name = path.relative(ROOT, entryPath).replace(/\.ts$/, "").replace(/[\\/]/g, "__");
  const bundle = path.join(CACHE_DIR, `${name}.cjs`);
  const debug = Boolean(process.env.CONNECT_DEBUG);
  // Bundled code runs from the cache folder, so the bundle depends on where the project is.
  const cache = buildCache(path.join(CACHE_DIR, `${name}.json`), {
    root: ROOT,
    entry: entryPath,
    runner: fs.readFileSync(__filename, "utf8"),
    debug,
    launcher,
  });
  if (!cache.read(() => fs.existsSync(bundle))) {
    progress.write(`compiling ${what} (esbuild; reused until a source changes)…\n`);
    const esbuild = require("esbuild");
    const result = await esbuild.build({
      entryPoints: [entryPath],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      outfile: bundle,
      // esbuild finds its native binary relative to its own package: it must stay a real require.
      external: ["esbuild"],
      // Only CONNECT_DEBUG=1 reads a source map, and writing one adds ~40 % to every rebuild.
      sourcemap: debug ? "linked" : false,
      sourcesContent: false,
      metafile: true,
      // Written by rename below, so a concurrent run never loads a half-written bundle.
      write: false,
      logLevel: "silent",
      plugins: [sourceLocation],
    });
    for (const output of result.outputFiles) writeAtomically(output.path, output.contents);
    if (!debug) fs.rmSync(`${bundle}.map`, { force: true }); // a debug build's, now stale
    cache.write(
      Object.keys(result.metafile.inputs).map((input) => path.resolve(input)),
      { bundle },
    );
  }
  if (debug || process.env.CONNECT_BUILD_CACHE === "off") {
    // Stack traces point at the TypeScript sources (Node maps modules it loads itself).
    process.setSourceMapsEnabled(true);
    require(bundle);
  } else {
    loadWithCodeCache(bundle);
  }
}

/**
 * Runs the bundle as `require` would, with V8's code cache for it kept beside it. Node 20 has no
 * module compile cache; without one every start parses 15 MB and compiles each function it runs
 * anew. The cache is written at exit of the first run of a bundle that succeeds (exit 0), after
 * the synth, so it holds every function the synth compiled: later starts skip parsing and most
 * compiling (synth CPU 2.5 -> 1.5 s, measured). A failed run (a config or usage error stops before
 * most code runs) writes none: its cache would hold little, and every later start would keep it. It is named by the bundle's hash; V8 rejects one from another Node or
 * flag set (or a damaged one), and that run writes a new one. CONNECT_BUILD_CACHE=off and
 * CONNECT_DEBUG=1 load the bundle with plain require.
 * @param {string} bundle
 */
function loadWithCodeCache(bundle) {
  const source = fs.readFileSync(bundle, "utf8");
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const cacheFile = `${bundle}.${hash}.v8`;
  /** @type {Buffer | undefined} */
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // first run of this bundle
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once("exit", (code) => {
      if (code !== 0) return;
      try {
        for (const stale of fs.readdirSync(path.dirname(bundle))) {
          const isStale = stale !== path.basename(cacheFile) && stale.startsWith(`${path.basename(bundle)}.`);
          if (isStale && stale.endsWith(".v8"))
            fs.rmSync(path.join(path.dirname(bundle), stale), { force: true });
        }
        writeAtomically(cacheFile, script.createCachedData());
      } catch {
        // A cache that cannot be written (full disk, read-only tree) only costs the next start time.
      }
    });
  }
  const bundleModule = { exports: {}, filename: bundle, id: bundle };
  const run = script.runInThisContext();
  run.call(
    bundleModule.exports,
    bundleModule.exports,
    Module.createRequire(bundle),
    bundleModule,
    bundle,
    path.dirname(bundle),
  );
}

/**
 * A build error names file:line:column per esbuild message; anything else prints its message.
 * @param {unknown} error
 */
function exitOnBuildError(error) {
  const lines = buildErrorLines(error);
  process.stderr.write(
    `${lines.length ? lines.join("\n") : String(error instanceof Error ? error.message : error)}\n`,
  );
  process.exit(1);
}

module.exports = { runBundled, exitOnBuildError };
