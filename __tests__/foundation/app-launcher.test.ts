import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";

// Plain CommonJS (the app launcher needs it before TypeScript can load); typed by its JSDoc.
import { buildCache, buildKey } from "../../scripts/support/build-cache.cjs";

const root = resolve(__dirname, "../..");

describe("the build cache key", () => {
  it("changes with any input's content, and a missing input is never a hit", () => {
    const dir = mkdtempSync(join(tmpdir(), "app-key-"));
    const source = join(dir, "stack.ts");
    writeFileSync(source, "export const a = 1;\n");
    const before = buildKey({ entry: "stack.ts" }, [source]);
    expect(buildKey({ entry: "stack.ts" }, [source])).toBe(before);
    expect(buildKey({ entry: "stack.ts", minify: true }, [source])).not.toBe(before);
    writeFileSync(source, "export const a = 2;\n");
    expect(buildKey({ entry: "stack.ts" }, [source])).not.toBe(before);
    rmSync(source);
    expect(buildKey({ entry: "stack.ts" }, [source])).toBeUndefined();
  });
});

describe("the build cache record", () => {
  it("is a miss, never a crash, when unreadable or in an older format, and a hit once written", () => {
    const file = join(mkdtempSync(join(tmpdir(), "record-")), "x.json");
    const cache = buildCache<{ v: number }>(file, { entry: "x.ts" });
    writeFileSync(file, "not json");
    expect(cache.read(() => true)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ key: "k", inputs: [], bundle: {} }));
    expect(cache.read(() => true)).toBeUndefined();
    cache.write([], { v: 1 });
    expect(cache.read(() => true)).toStrictEqual({ v: 1 });
    expect(cache.read(() => false)).toBeUndefined();
  });
});

/** PATH without any directory holding a terraform binary: synth must not need one. */
function pathWithoutTerraform(): string {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir && !existsSync(join(dir, "terraform")))
    .join(delimiter);
}

// The project declares the CLI, so `cdktf synth` is what the first synth runs; the cdktn copy of
// `npm run check:cdktn -- --tests` drops cdktf-cli (cdktn-cli needs Node >= 22.19) and runs
// `npm run synth`'s launcher instead. Both run the app as cdktf.json says: node scripts/run-app.cjs.
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies?: object };
const cliDeclared = "cdktf-cli" in (pkg.devDependencies ?? {});

describe("synth as users run it (cdktf synth, npm run synth): main.ts from the compiled bundle, offline", () => {
  interface Synth {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
    /** The dev stack's cdk.tf.json, when written. */
    readonly json?: string;
  }
  function synth(args: string[], command = process.execPath): Promise<Synth> {
    const outdir = mkdtempSync(join(tmpdir(), "launcher-"));
    // The CLI takes its output folder as an argument and hands it to the app as CDKTF_OUTDIR.
    const cliArgs = command === process.execPath ? args : [...args, "--output", outdir];
    return new Promise((done) =>
      execFile(
        command,
        cliArgs,
        {
          cwd: root,
          // No terraform and no AWS credentials of any kind.
          env: {
            PATH: pathWithoutTerraform(),
            HOME: process.env.HOME,
            CDKTF_OUTDIR: outdir,
            CONNECT_ENV: "dev",
            CHECKPOINT_DISABLE: "1",
            CI: "1",
            AWS_ACCESS_KEY_ID: "",
            AWS_SECRET_ACCESS_KEY: "",
            AWS_PROFILE: "",
          },
        },
        (error, stdout, stderr) => {
          const file = join(outdir, "stacks/connect-comprehensive-dev/cdk.tf.json");
          const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
          done({ status, stdout, stderr, ...(existsSync(file) ? { json: readFileSync(file, "utf8") } : {}) });
        },
      ),
    );
  }

  /**
   * The same dev synth from the TypeScript sources, in this process: synthesizeApp, the function
   * main.ts calls (main.ts adds the rules report and the summary line, nothing the JSON holds).
   * In process rather than through tsx: the same sources, without a third Node process loading
   * every module unbundled (~5 s of CPU a run).
   */
  async function synthFromSources(): Promise<string> {
    const outdir = mkdtempSync(join(tmpdir(), "launcher-sources-"));
    delete process.env.CONNECT_CONFIG_FILE; // this suite's copy of the environment (jest gives each its own)
    const { synthesizeApp } = await import("../../scripts/support/synth-app");
    const { outputPath } = await synthesizeApp(["--context", "env=dev"], () => undefined, outdir);
    return readFileSync(outputPath, "utf8");
  }

  // The first synth brings the bundle and every build output up to date, as a user's first synth
  // would; the run from the sources shares nothing with it but the Lambda and CCP build caches.
  let bundled: Synth;
  let fromSources: string;
  beforeAll(async () => {
    [bundled, fromSources] = await Promise.all([
      cliDeclared ? synth(["synth"], join(root, "node_modules/.bin/cdktf")) : synth(["scripts/run-app.cjs"]),
      synthFromSources(),
    ]);
  }, 120_000);

  it("synthesizes with no terraform and no credentials, printing a summary", () => {
    expect(bundled.status).toBe(0);
    expect(bundled.stdout).toMatch(
      /^synth ok: stack connect-comprehensive-dev \(env dev\), \d+ resources and data sources → .* in \d+\.\d\d s; stack rules: \d+ rules over \d+ resources in \d+ ms: 0 errors, 0 warnings, \d+ suppressed$/m,
    );
    if (cliDeclared)
      expect(bundled.stdout).toMatch(/Generated Terraform code for the stacks: connect-comprehensive-dev/);
    expect(JSON.parse(bundled.json ?? "{}").terraform?.backend?.local).toBeDefined();
  });

  it("checks no types on synth: only diff, deploy and the other cdktf commands wait for tsc", () => {
    expect(bundled.stdout).not.toMatch(/^types: /m);
    expect(bundled.stderr).not.toMatch(/type error/);
  });

  it("writes byte for byte what the TypeScript sources write when run directly", () => {
    expect(bundled.stderr).toBe("");
    expect(bundled.json).toBeDefined();
    expect(bundled.json).toBe(fromSources);
  });

  it("reuses the app bundle, every Lambda zip and the CCP site when nothing changed, for any env", async () => {
    // The first synth left the bundle's V8 code cache beside it; a damaged one is rejected by V8,
    // never trusted: the synth still works and writes a fresh cache.
    const bundleDir = join(root, "node_modules/.cache/connect-app");
    const codeCaches = () => readdirSync(bundleDir).filter((f) => /^main\.cjs\.[0-9a-f]{16}\.v8$/.test(f));
    expect(codeCaches()).toHaveLength(1);
    const codeCache = join(bundleDir, codeCaches()[0]!);
    writeFileSync(codeCache, "not a V8 code cache");
    const prod = await synth(["scripts/run-app.cjs", "--context", "env=prod"]);
    expect(readFileSync(codeCache, "utf8").startsWith("not a V8")).toBe(false);
    expect(prod.status).toBe(0);
    expect(prod.stdout).toMatch(/stack connect-comprehensive-prod \(env prod\)/);
    expect(prod.stdout).not.toMatch(/compiling the app/);
    expect(prod.stdout).toMatch(
      /^esbuild: lex_fallback unchanged, reused, ctr_metrics unchanged, reused, companion_api unchanged, reused, crm_api unchanged, reused, callback_status unchanged, reused, CCP site unchanged, reused$/m,
    );
  }, 120_000);
});

describe("scripts/run.cjs (the CLIs' launcher)", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["scripts/run.cjs", ...args], { cwd: root, encoding: "utf8" });

  it("refuses a missing or non-TypeScript entry with its usage (exit 2)", () => {
    for (const args of [[], ["scripts/run-app.cjs"]])
      expect(run(...args)).toMatchObject({
        status: 2,
        stderr: "usage: node scripts/run.cjs <entry.ts> [arguments...]\n",
      });
  });

  it("names an entry that does not exist (exit 1)", () => {
    expect(run("scripts/nope.ts")).toMatchObject({ status: 1, stderr: "no such entry: scripts/nope.ts\n" });
  });
});
