import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleLambda } from "../../scripts/build-lambda";

/** A two-file Lambda in a fresh folder, so edits here never touch the real sources. */
function smallLambda(): { entry: string; helper: string; outDir: string } {
  const dir = mkdtempSync(join(tmpdir(), "bundle-cache-"));
  const helper = join(dir, "greeting.ts");
  writeFileSync(helper, `export const greeting = (name: string): string => "hello " + name;\n`);
  const entry = join(dir, "index.ts");
  writeFileSync(
    entry,
    `import { greeting } from "./greeting";\nexport const handler = async () => greeting("caller");\n`,
  );
  return { entry, helper, outDir: join(dir, "dist") };
}

const writtenAt = (path: string) => statSync(path, { bigint: true }).mtimeNs;

describe("bundleLambda cache", () => {
  afterEach(() => {
    delete process.env.CONNECT_BUILD_CACHE;
  });

  it("reuses the zip while no input changed, and rebuilds when one did", async () => {
    const { entry, helper, outDir } = smallLambda();
    const first = await bundleLambda({ entry, outDir, name: "small" });
    const firstWrite = writtenAt(first.zipPath);

    const again = await bundleLambda({ entry, outDir, name: "small" });
    expect(again).toStrictEqual({ ...first, cached: true });
    expect(writtenAt(again.zipPath)).toBe(firstWrite);

    // An edit to an imported file, not the entry, must still rebuild.
    writeFileSync(helper, `export const greeting = (name: string): string => "good day " + name;\n`);
    const edited = await bundleLambda({ entry, outDir, name: "small" });
    expect(edited.sha256Base64).not.toBe(first.sha256Base64);
    expect(readFileSync(edited.jsPath, "utf8")).toContain("good day");

    // Back to the original source: the original bytes, so Terraform sees no change.
    writeFileSync(helper, `export const greeting = (name: string): string => "hello " + name;\n`);
    const reverted = await bundleLambda({ entry, outDir, name: "small" });
    expect(reverted.sha256Base64).toBe(first.sha256Base64);
  }, 30_000);

  it("rebuilds when the zip on disk is gone or no longer what was recorded", async () => {
    const { entry, outDir } = smallLambda();
    const first = await bundleLambda({ entry, outDir, name: "small" });
    rmSync(first.zipPath);
    expect((await bundleLambda({ entry, outDir, name: "small" })).sha256Base64).toBe(first.sha256Base64);
    writeFileSync(first.zipPath, "tampered");
    const rebuilt = await bundleLambda({ entry, outDir, name: "small" });
    expect(readFileSync(rebuilt.zipPath).length).toBe(first.zipBytes);
  }, 30_000);

  it("rebuilds for different build options and when switched off", async () => {
    const { entry, outDir } = smallLambda();
    const first = await bundleLambda({ entry, outDir, name: "small" });
    const withMap = await bundleLambda({ entry, outDir, name: "small", sourcemap: true });
    expect(withMap.files).toContain("index.mjs.map");
    const plain = await bundleLambda({ entry, outDir, name: "small" });
    expect(plain.files).toStrictEqual(first.files);

    process.env.CONNECT_BUILD_CACHE = "off";
    const before = writtenAt(plain.zipPath);
    await bundleLambda({ entry, outDir, name: "small" });
    expect(writtenAt(plain.zipPath)).not.toBe(before);
  }, 30_000);
});
