import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// The launcher is plain CommonJS (it must start without tsx); its helpers are exported for tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require("../../scripts/run-app.cjs") as { appKey(inputs: string[]): string | undefined };

const root = resolve(__dirname, "../..");

describe("the app bundle key", () => {
  it("changes with any input's content, and a missing input is never a hit", () => {
    const dir = mkdtempSync(join(tmpdir(), "app-key-"));
    const source = join(dir, "stack.ts");
    writeFileSync(source, "export const a = 1;\n");
    const before = launcher.appKey([source]);
    expect(launcher.appKey([source])).toBe(before);
    writeFileSync(source, "export const a = 2;\n");
    expect(launcher.appKey([source])).not.toBe(before);
    rmSync(source);
    expect(launcher.appKey([source])).toBeUndefined();
  });
});

describe("synth from the compiled bundle", () => {
  function synth(args: string[], outdir: string): string {
    const child = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: outdir, CONNECT_ENV: "dev", CHECKPOINT_DISABLE: "1" },
    });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    return readFileSync(join(outdir, "stacks/connect-comprehensive-dev/cdk.tf.json"), "utf8");
  }

  it("writes byte for byte what the TypeScript sources write when run directly", () => {
    const direct = synth(["--import", "tsx", "main.ts"], mkdtempSync(join(tmpdir(), "direct-")));
    const bundled = synth(["scripts/run-app.cjs"], mkdtempSync(join(tmpdir(), "bundled-")));
    expect(bundled).toBe(direct);
  }, 120_000);
});
