// @ts-check
"use strict";
/**
 * The CDKTF app launcher: `npm run synth` and `cdktf synth` (cdktf.json) both start here, and run
 * main.ts from a cached esbuild bundle (scripts/support/run-bundled.cjs). Before `cdktf diff`,
 * `deploy` and every other cdktf command that goes beyond synth, the sources' types are checked
 * first (scripts/support/type-gate.cjs): esbuild does not check them.
 */
const fs = require("node:fs");
const path = require("node:path");
const { runBundled, exitOnBuildError } = require("./support/run-bundled.cjs");
const { typeGate } = require("./support/type-gate.cjs");

// The projects of `npm run typecheck`: node code (Lambdas, constructs, config, scripts, tests) and the CCP page.
if (!typeGate({ root: path.resolve(__dirname, ".."), projects: ["tsconfig.json", "ccp_site/tsconfig.json"] }))
  process.exit(1);

runBundled({
  entry: "main.ts",
  what: "the app",
  progress: process.stdout,
  launcher: fs.readFileSync(__filename, "utf8"),
}).catch(exitOnBuildError);
