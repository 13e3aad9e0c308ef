const base = require("./jest.config");

/**
 * Terraform's own verdicts on the whole stack: `terraform validate` of the --hcl output and whole-
 * stack plans (the migration from the original's state, DR on prod), through the plugin mirror.
 * Each is kept while its exact input is unchanged, but nearly any edit to a construct or a Lambda
 * changes the synthesized stack, and then they cost ~5 minutes of CPU on 2 cores: run apart from
 * `npm test` (`npm run test:engine`), and by CI on every landing.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/*.engine-test.ts"],
};
