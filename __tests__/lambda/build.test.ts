import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleLambda } from "../../scripts/build-lambda";

describe("bundleLambda", () => {
  it("is deterministic and within the 300 KB zip budget, and the bundle exports handler", async () => {
    const entry = join(__dirname, "../../lambda/lex_fallback/index.ts");
    const a = await bundleLambda({
      entry,
      outDir: mkdtempSync(join(tmpdir(), "lf-a-")),
      name: "lex_fallback",
    });
    const b = await bundleLambda({
      entry,
      outDir: mkdtempSync(join(tmpdir(), "lf-b-")),
      name: "lex_fallback",
    });
    expect(a.sha256Base64).toBe(b.sha256Base64);
    expect(readFileSync(a.zipPath).equals(readFileSync(b.zipPath))).toBe(true);
    expect(a.zipBytes).toBeLessThanOrEqual(300 * 1024);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(a.jsPath) as { handler?: unknown };
    expect(typeof mod.handler).toBe("function");
  }, 30_000);
});
