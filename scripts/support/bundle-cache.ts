import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { version as esbuildVersion } from "esbuild";
import type { BundleOptions, BundleResult } from "../build-lambda";

/**
 * Skips re-bundling a Lambda whose inputs did not change (~0.7 s of every synth otherwise).
 * After a build we record the files esbuild read (its metafile) and a key over their contents,
 * the build options and esbuild's version. The next build recomputes the key from those files;
 * if it matches and the zip on disk still has the recorded hash, that zip is the result. Editing
 * any bundled file, ours or a dependency's, changes the key; a new import edits its importer, so
 * it does too. `CONNECT_BUNDLE_CACHE=off` always rebuilds.
 */
export interface BundleCache {
  /** The recorded bundle when nothing it was built from changed; undefined otherwise. */
  read(): BundleResult | undefined;
  /** Records a fresh build: `inputs` as esbuild's metafile lists them (relative to the cwd). */
  write(inputs: readonly string[], bundle: BundleResult): void;
}

interface CacheRecord {
  readonly key: string;
  readonly inputs: readonly string[];
  readonly bundle: BundleResult;
}

export function bundleCache(outDir: string, name: string, options: BundleOptions): BundleCache {
  const file = join(outDir, ".cache", `${name}.json`);
  const enabled = process.env.CONNECT_BUNDLE_CACHE !== "off";
  return {
    read() {
      if (!enabled || !existsSync(file)) return undefined;
      const record = JSON.parse(readFileSync(file, "utf8")) as CacheRecord;
      const key = keyOf(options, record.inputs);
      if (key !== record.key || !outputsIntact(record.bundle)) return undefined;
      return record.bundle;
    },
    write(inputs, bundle) {
      const absolute = inputs.map((input) => resolve(input)).sort();
      const key = keyOf(options, absolute);
      if (key === undefined) return;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ key, inputs: absolute, bundle } satisfies CacheRecord)}\n`);
    },
  };
}

/** undefined when an input no longer exists: that is a change, never a hit. */
function keyOf(options: BundleOptions, inputs: readonly string[]): string | undefined {
  const hash = createHash("sha256").update(`esbuild ${esbuildVersion}\n${JSON.stringify(options)}\n`);
  for (const input of inputs) {
    if (!existsSync(input)) return undefined;
    hash.update(`${input}\n`).update(readFileSync(input)).update("\n");
  }
  return hash.digest("hex");
}

function outputsIntact(bundle: BundleResult): boolean {
  if (!existsSync(bundle.zipPath)) return false;
  const zipHash = createHash("sha256").update(readFileSync(bundle.zipPath)).digest("base64");
  const bundleDir = dirname(bundle.jsPath);
  return zipHash === bundle.sha256Base64 && bundle.files.every((f) => existsSync(join(bundleDir, f)));
}
