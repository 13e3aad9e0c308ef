// @ts-check
"use strict";
/**
 * Runs one of the project's TypeScript CLIs from a cached esbuild bundle instead of through tsx:
 *   node scripts/run.cjs scripts/rules.ts --env prod
 * The CLI sees its own arguments in process.argv.slice(2), as under tsx. Progress goes to stderr so
 * a CLI's stdout (a JSON report) stays machine-readable.
 */
const fs = require("node:fs");
const { runBundled, exitOnBuildError } = require("./support/run-bundled.cjs");

const entry = process.argv[2];
if (!entry || !entry.endsWith(".ts")) {
  process.stderr.write("usage: node scripts/run.cjs <entry.ts> [arguments...]\n");
  process.exit(2);
}
process.argv.splice(2, 1);
runBundled({
  entry,
  what: entry,
  progress: process.stderr,
  launcher: fs.readFileSync(__filename, "utf8"),
}).catch(exitOnBuildError);
