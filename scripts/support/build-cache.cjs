// @ts-check
"use strict";
/**
 * One cache for everything synth builds with esbuild: the app itself (scripts/run-app.cjs), the
 * Lambda zips and the CCP site. A build's result is reused while its settings, every project file
 * esbuild read and the installed dependency tree are as they were when it was built. Files under
 * node_modules are summarized by npm's record of the installed tree (node_modules/.package-lock.json,
 * rewritten by every install), so a dependency upgrade rebuilds without hashing megabytes of SDK
 * code on every synth. Editing any project file a build read (an imported helper as much as the
 * entry) rebuilds; a new import edits its importer, so it does too.
 * Plain CommonJS because the app launcher needs it before any TypeScript can load.
 * CONNECT_BUILD_CACHE=off always rebuilds.
 */
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const INSTALLED_TREE = path.resolve(__dirname, "..", "..", "node_modules", ".package-lock.json");
const IN_NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/**
 * @param {unknown} settings
 * @param {readonly string[]} inputs absolute paths of the project files a build read
 * @returns {string | undefined} undefined when an input is gone: a change, never a hit
 */
function buildKey(settings, inputs) {
  const hash = createHash("sha256").update(JSON.stringify(settings) ?? "");
  for (const file of [INSTALLED_TREE, ...inputs]) {
    if (!fs.existsSync(file)) return undefined;
    hash.update(`\n${file}\n`).update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

/**
 * @template T
 * @param {string} file where the record is kept
 * @param {unknown} settings everything besides the input files that shapes the output (JSON)
 */
function buildCache(file, settings) {
  const enabled = process.env.CONNECT_BUILD_CACHE !== "off";
  return {
    /**
     * The recorded result if nothing it was built from changed and its outputs are still there.
     * @param {(value: T) => boolean} intact checks the outputs on disk are the ones recorded
     * @returns {T | undefined}
     */
    read(intact) {
      if (!enabled || !fs.existsSync(file)) return undefined;
      /** @type {{ key: string, inputs: string[], value: T } | undefined} */
      let record;
      try {
        record = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        return undefined; // unreadable record (an older format, a disk error): rebuild
      }
      if (!record || !Array.isArray(record.inputs) || record.value === undefined) return undefined;
      if (buildKey(settings, record.inputs) !== record.key || !intact(record.value)) return undefined;
      return record.value;
    },
    /**
     * Records a fresh build.
     * @param {readonly string[]} inputs the files esbuild read (its metafile), absolute
     * @param {T} value
     */
    write(inputs, value) {
      const projectInputs = [...new Set(inputs)].filter((input) => !input.includes(IN_NODE_MODULES)).sort();
      const key = buildKey(settings, projectInputs);
      if (key === undefined) return;
      writeAtomically(file, `${JSON.stringify({ key, inputs: projectInputs, value })}\n`);
    },
  };
}

/**
 * Written by rename, so a concurrent synth never reads half a file.
 * @param {string} file
 * @param {string | Uint8Array} contents
 */
function writeAtomically(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/**
 * SHA-256 of a file, hex: for outputs checked against their recorded hash.
 * @param {string} file
 */
function fileSha256(file, encoding = /** @type {"hex" | "base64"} */ ("hex")) {
  return createHash("sha256").update(fs.readFileSync(file)).digest(encoding);
}

module.exports = { buildCache, buildKey, fileSha256, writeAtomically, INSTALLED_TREE, IN_NODE_MODULES };
