import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCache } from "../../scripts/support/build-cache.cjs";
import { CDKTF_CLI_DECLARED, ROOT as root } from "./support/launch-synth";
import { BAD_TTL, project } from "./support/type-gate-project";

// The gate's own logic (which commands wait, tsc's errors, the cache) is type-gate.test.ts; here
// the real cdktf CLI runs it (~8 s of CPU to start). The cdktn copy of `npm run check:cdktn --
// --tests` has no cdktf CLI (cdktn-cli needs Node >= 22.19): there this is skipped.
const itUnderCli = CDKTF_CLI_DECLARED ? it : it.skip;

describe("the type check under the real cdktf CLI", () => {
  // cdktf synth passing through without a check is asserted on the real project in cdktf-synth.engine-test.ts.
  itUnderCli(
    "stops cdktf diff on a type error, under the real cdktf CLI",
    async () => {
      const p = project(BAD_TTL);
      // An app launched as scripts/run-app.cjs launches main.ts: the gate first, then a tiny stack.
      writeFileSync(
        join(p.dir, "app.cjs"),
        [
          `const { typeGate } = require(${JSON.stringify(join(root, "scripts/support/type-gate.cjs"))});`,
          `if (!typeGate({ root: __dirname, projects: ["tsconfig.json"], cacheDir: ${JSON.stringify(p.cacheDir)} })) process.exit(1);`,
          'const { App, TerraformStack } = require("cdktf");',
          'const app = new App(); new TerraformStack(app, "gate"); app.synth();',
        ].join("\n"),
      );
      writeFileSync(
        join(p.dir, "cdktf.json"),
        JSON.stringify({
          language: "typescript",
          app: "node app.cjs",
          projectId: "gate",
          sendCrashReports: "false",
        }),
      );
      const cdktf = (command: string) =>
        new Promise<{ status: number; output: string }>((done) =>
          execFile(
            process.execPath,
            [join(root, "node_modules/cdktf-cli/bundle/bin/cdktf"), command],
            {
              cwd: p.dir,
              env: { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: "1", CI: "1" },
            },
            (error, stdout, stderr) =>
              done({
                status: error ? (typeof error.code === "number" ? error.code : NaN) : 0,
                output: `${stdout}${stderr}`,
              }),
          ),
        );
      // Kept while nothing that decides it changes (this suite, the gate, the installed tree with the
      // cdktf CLI, node): the CLI alone costs ~8 s of CPU. CONNECT_BUILD_CACHE=off runs it again.
      const kept = buildCache<{ status: number; output: string }>(
        join(root, "node_modules", ".cache", "connect-tests", "type-gate-cdktf-diff.json"),
        { node: process.version },
      );
      let diff = kept.read(() => true);
      if (!diff) {
        diff = await cdktf("diff");
        // A run cut short by a signal decided nothing: never kept.
        if (!Number.isNaN(diff.status)) {
          kept.write([__filename, join(root, "scripts/support/type-gate.cjs")], diff);
        }
      }
      expect(diff.status).not.toBe(0);
      expect(diff.output).toContain(
        "src/keys.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.",
      );
      expect(diff.output).toMatch(/cdktf diff stopped: 1 type error\(s\) above/);
    },
    120_000,
  );
});
