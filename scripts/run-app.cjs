// @ts-check
"use strict";
/**
 * The CDKTF app launcher: `npm run synth` and `cdktf synth` (cdktf.json) both start here, and run
 * main.ts from a cached esbuild bundle (scripts/support/run-bundled.cjs).
 */
const fs = require("node:fs");
const { runBundled, exitOnBuildError } = require("./support/run-bundled.cjs");

runBundled({
  entry: "main.ts",
  what: "the app",
  progress: process.stdout,
  launcher: fs.readFileSync(__filename, "utf8"),
}).catch(exitOnBuildError);
