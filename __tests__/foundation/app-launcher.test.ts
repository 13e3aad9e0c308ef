import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

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

describe("synth from the compiled bundle", () => {
  function synth(args: string[], outdir: string): { json: string; stdout: string } {
    const child = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: outdir, CONNECT_ENV: "dev", CHECKPOINT_DISABLE: "1" },
    });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const json = readFileSync(join(outdir, "stacks/connect-comprehensive-dev/cdk.tf.json"), "utf8");
    return { json, stdout: child.stdout };
  }

  // The first run brings the bundle and every build output up to date, as a user's first synth would.
  let bundled: { json: string; stdout: string };
  beforeAll(() => {
    bundled = synth(["scripts/run-app.cjs"], mkdtempSync(join(tmpdir(), "bundled-")));
  }, 120_000);

  it("writes byte for byte what the TypeScript sources write when run directly", () => {
    const direct = synth(["--import", "tsx", "main.ts"], mkdtempSync(join(tmpdir(), "direct-")));
    expect(bundled.json).toBe(direct.json);
  }, 120_000);

  it("reuses the app bundle, every Lambda zip and the CCP site when nothing changed", () => {
    const { stdout } = synth(["scripts/run-app.cjs"], mkdtempSync(join(tmpdir(), "again-")));
    expect(stdout).not.toMatch(/compiling the app/);
    expect(stdout).toMatch(
      /^esbuild: lex_fallback unchanged, reused, ctr_metrics unchanged, reused, companion_api unchanged, reused, crm_api unchanged, reused, callback_status unchanged, reused, CCP site unchanged, reused$/m,
    );
  }, 120_000);
});
