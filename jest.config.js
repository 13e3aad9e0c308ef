const { dependencies = {} } = require("./package.json");

// cdktf records a full stack trace for every token it creates (each attribute reference), only to
// decorate resolution errors. Under jest each trace is source-mapped frame by frame: a quarter of a
// construct suite's CPU, profiled (security, observability, connect, datalake: 16.3 -> 11.2 s user).
// No test reads them. CDK Terrain has a switch for exactly this, read when a token is created
// (workers inherit it); cdktf 0.21 has none, so its stack-trace module is mapped to a stand-in.
process.env.CDKTN_DISABLE_CREATION_STACK = "1";
const creationStackStandIn =
  "cdktf" in dependencies
    ? { "^\\./(tokens/)?(private/)?stack-trace$": "<rootDir>/__tests__/support/no-creation-stack.ts" }
    : {};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Jest's default is one worker less than the cores: a single worker on these 2-core machines.
  // Two workers, measured on the shared box under load (1115 tests): 107 s -> 72 s wall.
  maxWorkers: "100%",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // @swc/jest over ts-jest, measured on __tests__/foundation (3 suites, --no-cache, 2 cores):
  // swc 2.7 s vs ts-jest (isolatedModules) 4.2-8.1 s. swc strips types only; `npm run typecheck`
  // (tsc --noEmit) is the type gate.
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } },
    ],
    "/node_modules/cockatiel/.+\\.js$": [
      "@swc/jest",
      { jsc: { target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  moduleFileExtensions: ["ts", "js", "json"],
  // Structured logs of the code under test are kept for assertions, not printed; no SDK banners.
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/jest-setup.ts"],
  // jest's runtime plus V8's code cache for every module it compiles (see the file): ~12 s of CPU
  // per run went to compiling the same unchanged sources in each suite.
  runtime: "<rootDir>/__tests__/support/code-cache-runtime.cjs",
  moduleNameMapper: creationStackStandIn,
  // cockatiel 4 ships ESM only; Jest on Node 20 cannot require(esm), so swc turns it into CommonJS.
  transformIgnorePatterns: ["/node_modules/(?!cockatiel/)"],
  testPathIgnorePatterns: ["/node_modules/", "/cdktf.out/", "/dist/"],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
