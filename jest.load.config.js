const base = require("./jest.config");

/**
 * Load tests: real time against a proxy of fixed capacity, so the machine must be otherwise idle.
 * Run beside the other 130 suites they measured the neighbours, not the code, and failed twice in
 * CI; alone they decide on the code. `npm run test:load`, run by CI as its own step.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/*.load-test.ts"],
  maxWorkers: 1,
};
