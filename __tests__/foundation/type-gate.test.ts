import { writeFileSync } from "node:fs";
import { join } from "node:path";

// Plain CommonJS (the app launcher runs it before any TypeScript can load); typed by its JSDoc.
import { cdktfCommand, checkTypes, typeCheckReason } from "../../scripts/support/type-gate.cjs";

import { BAD_TTL, project } from "./support/type-gate-project";

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
});
