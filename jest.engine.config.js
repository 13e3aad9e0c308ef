const base = require("./jest.config");

/**
 * The real engines outside the project's own code, each costly to start: terraform through the
 * plugin mirror (validate of the --hcl output, whole-stack plans: the migration from the
 * original's state, DR on prod, the account pin; a tiny plan through the CLI's code; the original
 * state decoded), headless Chromium (the CCP page, the docs' diagrams) and the cdktf CLI (synth,
 * the type gate before diff). Terraform's results are kept while their exact input is unchanged,
 * but nearly any edit to a construct or a Lambda changes the synthesized stack, and then the
 * plans cost ~5 minutes of CPU on 2 cores; Chromium and the cdktf CLI cost ~15 s of CPU a run.
 * Run apart from `npm test` (`npm run test:engine`, ≤ 45 s budget there), and by CI on every landing.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/*.engine-test.ts"],
};
