import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { buildCache } from "../../scripts/support/build-cache.cjs";
// Plain CommonJS (the app launcher runs it before any TypeScript can load); typed by its JSDoc.
import { cdktfCommand, checkTypes, typeCheckReason } from "../../scripts/support/type-gate.cjs";

const root = resolve(__dirname, "../..");
// The cdktn copy of `npm run check:cdktn -- --tests` has no cdktf CLI (cdktn-cli needs Node >= 22.19);
// there the gate is still tested by checkTypes, only not under the CLI.
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies?: object };
const itUnderCli = "cdktf-cli" in (pkg.devDependencies ?? {}) ? it : it.skip;
const BAD_TTL = 'export const KEY_TTL_MS: number = "five minutes";\n';

/** A small project with the root's compiler settings: one source file, its own tsbuildinfo. */
function project(source: string): { dir: string; cacheDir: string; write(text: string): void } {
  const dir = mkdtempSync(join(tmpdir(), "type-gate-"));
  mkdirSync(join(dir, "src"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, types: [], lib: ["ES2022"], skipLibCheck: true },
      include: ["src/**/*.ts"],
    }),
  );
  const write = (text: string) => writeFileSync(join(dir, "src", "keys.ts"), text);
  write(source);
  return { dir, cacheDir: join(dir, ".typecheck-cache"), write };
}

describe("which cdktf commands wait for the type check", () => {
  // Ancestors as the app sees them under the cdktf CLI (measured): the shell cdktf.json's "app"
  // runs in, then the CLI itself.
  const underCli = (command: string) => [
    ["/bin/sh", "-c", "node scripts/run-app.cjs"],
    ["node", "/work/main/node_modules/.bin/cdktf", command, "--auto-approve"],
    ["npm", "exec", "cdktf", command],
  ];
  const cliEnv = { CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: "true", CDKTF_OUTDIR: "cdktf.out" };

  it("reads the command from the cdktf CLI's command line", () => {
    expect(cdktfCommand(underCli("diff"))).toBe("diff");
    expect(
      cdktfCommand([["node", "/x/node_modules/cdktf-cli/bundle/bin/cdktf.js", "--log-level", "deploy"]]),
    ).toBe("deploy");
    expect(
      cdktfCommand([
        ["node", "scripts/run-app.cjs"],
        ["npm", "run", "synth"],
      ]),
    ).toBeUndefined();
  });

  it("checks before diff, deploy and anything it cannot identify; never for synth or npm run synth", () => {
    const reason = (env: NodeJS.ProcessEnv, ancestors: string[][]) => typeCheckReason(env, () => ancestors);
    expect(reason(cliEnv, underCli("diff"))).toBe("cdktf diff");
    expect(reason(cliEnv, underCli("deploy"))).toBe("cdktf deploy");
    expect(reason(cliEnv, [])).toBe("a cdktf command that could not be identified");
    expect(reason(cliEnv, underCli("synth"))).toBeUndefined();
    expect(reason({}, [["npm", "run", "synth"]])).toBeUndefined();
    expect(reason({ CONNECT_TYPECHECK: "1" }, [])).toBe("CONNECT_TYPECHECK=1");
  });
});

describe("the type check (tsc --noEmit, incremental, cached by input)", () => {
  it("reports a type error one line each, passes once fixed, and skips tsc while nothing changed", () => {
    const p = project(BAD_TTL);
    const failed = checkTypes({ root: p.dir, projects: ["tsconfig.json"], cacheDir: p.cacheDir });
    expect(failed).toMatchObject({
      ok: false,
      errors: ["src/keys.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'."],
    });
    p.write("export const KEY_TTL_MS: number = 5 * 60 * 1000;\n");
    expect(checkTypes({ root: p.dir, projects: ["tsconfig.json"], cacheDir: p.cacheDir })).toMatchObject({
      ok: true,
      cached: false,
    });
    expect(checkTypes({ root: p.dir, projects: ["tsconfig.json"], cacheDir: p.cacheDir })).toMatchObject({
      ok: true,
      cached: true,
    });
    // A new file is an input too, even before anything imports it.
    writeFileSync(join(p.dir, "src", "new.ts"), "export const n: string = 1;\n");
    expect(checkTypes({ root: p.dir, projects: ["tsconfig.json"], cacheDir: p.cacheDir })).toMatchObject({
      ok: false,
      errors: ["src/new.ts(1,14): error TS2322: Type 'number' is not assignable to type 'string'."],
    });
  }, 60_000);

  // cdktf synth passing through without a check is asserted on the real project in app-launcher.test.ts.
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
