// @ts-check
"use strict";
/**
 * Runs the CDKTF app (main.ts) from one esbuild bundle, rebuilt only when a source changes:
 * `npm run synth` and `cdktf synth` both start here. Loading ~200 TypeScript modules through tsx
 * on every synth cost ~2 s and ~170 MB; a single pre-bundled CommonJS file loads in a fraction.
 * Types are not checked here: `npm run typecheck` and CI do that. The bundle is reused under the
 * rules of scripts/support/build-cache.cjs (CONNECT_BUILD_CACHE=off always rebuilds).
 */
const fs = require("node:fs");
const path = require("node:path");
const { buildCache, writeAtomically } = require("./support/build-cache.cjs");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(ROOT, "main.ts");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "connect-app");
const BUNDLE = path.join(CACHE_DIR, "main.cjs");

/** Bundled code runs from the cache folder, so the bundle depends on where the project is. */
const cache = buildCache(path.join(CACHE_DIR, "main.json"), {
  root: ROOT,
  launcher: fs.readFileSync(__filename, "utf8"),
});

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

async function rebuild() {
  process.stdout.write("compiling the app (esbuild; reused until a source changes)…\n");
  const esbuild = require("esbuild");
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: BUNDLE,
    // esbuild finds its native binary relative to its own package: it must stay a real require.
    external: ["esbuild"],
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    // Written by rename below, so a concurrent synth never loads a half-written bundle.
    write: false,
    logLevel: "silent",
    plugins: [sourceLocation],
  });
  for (const output of result.outputFiles) writeAtomically(output.path, output.contents);
  cache.write(
    Object.keys(result.metafile.inputs).map((input) => path.resolve(input)),
    { bundle: BUNDLE },
  );
}

async function main() {
  if (!cache.read(() => fs.existsSync(BUNDLE))) await rebuild();
  // Stack traces point at the TypeScript sources when asked for (CONNECT_DEBUG=1).
  if (process.env.CONNECT_DEBUG) process.setSourceMapsEnabled(true);
  require(BUNDLE);
}

main().catch((error) => {
  const errors = error && Array.isArray(error.errors) ? error.errors : [];
  const lines = errors.map(
    (/** @type {{ text: string, location?: { file: string, line: number, column: number } }} */ e) =>
      e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text,
  );
  process.stderr.write(`${lines.length ? lines.join("\n") : String(error instanceof Error ? error.message : error)}\n`);
  process.exit(1);
});
