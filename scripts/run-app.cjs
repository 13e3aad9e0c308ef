// @ts-check
"use strict";
/**
 * Runs the CDKTF app (main.ts) from one esbuild bundle, rebuilt only when a source changes:
 * `npm run synth` and `cdktf synth` both start here. Loading ~200 TypeScript modules through tsx
 * on every synth cost ~2 s and ~200 MB; a single pre-bundled CommonJS file loads in a fraction.
 *
 * The bundle is keyed by the content of every project file esbuild read, the installed
 * dependency tree (npm's node_modules/.package-lock.json), this file and the project path. Types
 * are not checked here: `npm run typecheck` and CI do that. CONNECT_APP_CACHE=off always rebuilds.
 */
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(ROOT, "main.ts");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "connect-app");
const BUNDLE = path.join(CACHE_DIR, "main.cjs");
const RECORD = path.join(CACHE_DIR, "main.json");
const INSTALLED_TREE = path.join(ROOT, "node_modules", ".package-lock.json");

/**
 * Key over the given project files; undefined when one is gone (a change, never a hit).
 * @param {readonly string[]} inputs absolute paths of the project files the bundle was built from
 * @returns {string | undefined}
 */
function appKey(inputs) {
  const hash = createHash("sha256").update(`${ROOT}\n`).update(fs.readFileSync(__filename));
  for (const file of [INSTALLED_TREE, ...inputs]) {
    if (!fs.existsSync(file)) return undefined;
    hash.update(`\n${file}\n`).update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

/** @returns {boolean} whether the bundle on disk was built from the sources as they are now */
function bundleIsCurrent() {
  if (process.env.CONNECT_APP_CACHE === "off" || !fs.existsSync(RECORD) || !fs.existsSync(BUNDLE)) {
    return false;
  }
  /** @type {{ key: string, inputs: string[] }} */
  const record = JSON.parse(fs.readFileSync(RECORD, "utf8"));
  return appKey(record.inputs) === record.key;
}

/**
 * Bundled code runs from the cache folder, so each project file's __dirname/__filename is replaced
 * by its real location: templates and the CCP page are read relative to the source that names them.
 * @type {import("esbuild").Plugin}
 */
const sourceLocation = {
  name: "source-location",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, "utf8");
      const contents = source
        .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
        .replace(/\b__filename\b/g, JSON.stringify(args.path));
      return { contents, loader: "ts" };
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
    // Written below by rename, so a concurrent synth never loads a half-written bundle.
    write: false,
    // esbuild finds its native binary relative to its own package: it must stay a real require.
    external: ["esbuild"],
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "silent",
    plugins: [sourceLocation],
  });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  for (const output of result.outputFiles) writeAtomically(output.path, output.contents);
  const inputs = Object.keys(result.metafile.inputs)
    .map((input) => path.resolve(input))
    .filter((input) => !input.includes(`${path.sep}node_modules${path.sep}`))
    .sort();
  writeAtomically(RECORD, `${JSON.stringify({ key: appKey(inputs), inputs })}\n`);
}

/**
 * @param {string} file
 * @param {string | Uint8Array} contents
 */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

async function main() {
  if (!bundleIsCurrent()) await rebuild();
  // Stack traces point at the TypeScript sources when asked for (CONNECT_DEBUG=1).
  if (process.env.CONNECT_DEBUG) process.setSourceMapsEnabled(true);
  require(BUNDLE);
}

if (require.main === module) {
  main().catch((error) => {
    const errors = error && Array.isArray(error.errors) ? error.errors : [];
    const lines = errors.map(
      (/** @type {{ text: string, location?: { file: string, line: number, column: number } }} */ e) =>
        e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text,
    );
    process.stderr.write(`${lines.length ? lines.join("\n") : String(error instanceof Error ? error.message : error)}\n`);
    process.exit(1);
  });
}

module.exports = { appKey, bundleIsCurrent, BUNDLE, RECORD };
