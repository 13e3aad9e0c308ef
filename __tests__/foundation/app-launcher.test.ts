import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Plain CommonJS (the app launcher needs it before TypeScript can load); typed by its JSDoc.
import { buildCache, buildKey } from "../../scripts/support/build-cache.cjs";
import { launchSynth, ROOT as root, SYNTH_SUMMARY, type LaunchedSynth } from "./support/launch-synth";

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

describe("npm run synth as users run it: main.ts from the compiled bundle, offline", () => {
  // The first synth brings the bundle and every build output up to date, as a user's first synth
  // would. `cdktf synth` through the real CLI, byte for byte against the TypeScript sources, is
  // cdktf-synth.engine-test.ts (the CLI alone costs ~8 s of CPU).
  let dev: LaunchedSynth;
  beforeAll(async () => {
    dev = await launchSynth(["scripts/run-app.cjs"]);
  }, 120_000);

  it("synthesizes with no terraform and no credentials, printing a summary and nothing on stderr", () => {
    expect(dev).toMatchObject({ status: 0, stderr: "" });
    expect(dev.stdout).toMatch(SYNTH_SUMMARY);
    expect(JSON.parse(dev.json ?? "{}").terraform?.backend?.local).toBeDefined();
  });

  it("checks no types on synth: only diff, deploy and the other cdktf commands wait for tsc", () => {
    expect(dev.stdout).not.toMatch(/^types: /m);
  });

  it("reuses the app bundle, every Lambda zip and the CCP site when nothing changed, for any env", async () => {
    // The first synth left the bundle's V8 code cache beside it; a damaged one is rejected by V8,
    // never trusted: the synth still works and writes a fresh cache.
    const bundleDir = join(root, "node_modules/.cache/connect-app");
    const codeCaches = () => readdirSync(bundleDir).filter((f) => /^main\.cjs\.[0-9a-f]{16}\.v8$/.test(f));
    expect(codeCaches()).toHaveLength(1);
    const codeCache = join(bundleDir, codeCaches()[0]!);
    writeFileSync(codeCache, "not a V8 code cache");
    const prod = await launchSynth(["scripts/run-app.cjs", "--context", "env=prod"]);
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
