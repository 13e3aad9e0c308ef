import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { BUILD_CCP_CLI, buildCcpCli } from "../../scripts/build-ccp-site";
import { BUILD_LAMBDA_CLI, buildLambdas } from "../../scripts/build-lambda";
import { parseCli, runCli } from "../../scripts/support/cli-args";

function output() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    sink: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) },
  };
}

describe("npm run build:lambda", () => {
  it("reports a build error as one file:line:column line per error, no stack trace (exit 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "build-lambda-cli-"));
    const entry = join(dir, "broken", "index.ts");
    mkdirSync(join(dir, "broken"));
    writeFileSync(
      entry,
      'import { table } from "./tables";\nimport { limits } from "./limits";\nexport const handler = async () => [table, limits];\n',
    );
    const { out, sink } = output();
    const code = await buildLambdas(
      parseCli(BUILD_LAMBDA_CLI, []),
      sink,
      [{ entry, name: "broken" }],
      join(dir, "dist"),
    );
    const shown = relative(process.cwd(), entry);
    expect({ code, ...out }).toStrictEqual({
      code: 1,
      stdout: "",
      stderr: [
        `${shown}:1:22: Could not resolve "./tables"`,
        `${shown}:2:23: Could not resolve "./limits"`,
        "broken: not built (2 errors above)",
        "",
      ].join("\n"),
    });
  });

  it("refuses a Lambda name it does not build with one line (exit 2)", async () => {
    const { out, sink } = output();
    const code = await runCli(BUILD_LAMBDA_CLI, ["lex_fallbak"], buildLambdas, sink);
    expect({ code, ...out }).toStrictEqual({
      code: 2,
      stdout: "",
      stderr:
        'build:lambda: no Lambda named "lex_fallbak" (Lambdas: lex_fallback, ctr_metrics, companion_api, crm_api, callback_status)\n',
    });
  });
});

describe("npm run build:ccp", () => {
  it("reports a build error as one line per error (exit 1)", async () => {
    const root = mkdtempSync(join(tmpdir(), "build-ccp-cli-"));
    mkdirSync(join(root, "ccp_site", "src"), { recursive: true });
    writeFileSync(join(root, "ccp_site", "src", "main.ts"), 'import { lookup } from "./lookup";\nlookup(;\n');
    writeFileSync(join(root, "streams.js"), "window.connect = {};\n");
    const { out, sink } = output();
    const code = await buildCcpCli(parseCli(BUILD_CCP_CLI, []), sink, {
      root,
      outDir: join(root, "dist"),
      streamsFile: "streams.js",
    });
    expect({ code, stdout: out.stdout }).toStrictEqual({ code: 1, stdout: "" });
    expect(out.stderr).toBe(
      'ccp_site/src/main.ts:2:7: Unexpected ";"\nCCP site: not built (1 error above)\n',
    );
  });
});
