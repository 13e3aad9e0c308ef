import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { build } from "esbuild";
import { zipSync } from "fflate";

/**
 * Bundles one TypeScript Lambda into `<outDir>/<name>/index.js` and a deterministic
 * `<outDir>/<name>.zip`. Same sources → byte-identical zip → same `source_code_hash`, so Terraform
 * only updates the function when the code really changed.
 *
 * @aws-sdk/* is bundled, by measurement (lex_fallback, esbuild 0.28, target node20, minified,
 * mainFields module-first; measured 2026-11-25 on a shared 2-vCPU box under load, so init times
 * are only comparable with each other):
 *   SDK externalized:            165 KB js,  52 KB zip, init 690 ms (median of 5, runtime-style
 *                                resolution of ~150 SDK/smithy modules from node_modules)
 *   SDK bundled, static imports: 585 KB js, 180 KB zip, init 293 ms
 *   SDK bundled, lazy clients:   ~700 KB js, 227 KB zip, init 207-373 ms (SDK evaluated on first use)
 * Bundling starts faster, fits the 300 KB zip budget and pins the SDK version the tests ran with.
 * The 150 ms init budget is not yet demonstrated on this machine; zod's classic API costs ~40 ms
 * of schema construction (zod/mini: ~8 ms) and is the next thing to cut. `npm run bench:lambda`.
 */

export interface BundleOptions {
  /** Entry file exporting `handler`. */
  readonly entry: string;
  /** Output root; the bundle goes to `<outDir>/<name>/index.js` and `<outDir>/<name>.zip`. */
  readonly outDir: string;
  /** Bundle name. @default the entry's folder name */
  readonly name?: string;
  /** Emit an inline-free external source map (run with NODE_OPTIONS=--enable-source-maps). @default false */
  readonly sourcemap?: boolean;
  /** Node target of the runtime. @default "node20" */
  readonly target?: string;
  /** Packages left to the runtime instead of bundled. @default [] */
  readonly external?: readonly string[];
}

export interface BundleResult {
  readonly zipPath: string;
  readonly jsPath: string;
  /** base64 SHA-256 of the zip: the value of aws_lambda_function.source_code_hash. */
  readonly sha256Base64: string;
  readonly zipBytes: number;
  readonly jsBytes: number;
}

/** 1980-01-01, the earliest DOS time a zip can hold: fixed so the archive never depends on the clock. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export async function bundleLambda(options: BundleOptions): Promise<BundleResult> {
  const entry = resolve(options.entry);
  const name = options.name ?? dirname(entry).split(/[\\/]/).pop() ?? "lambda";
  const outDir = resolve(options.outDir);
  const bundleDir = join(outDir, name);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: options.target ?? "node20",
    format: "cjs",
    minify: true,
    sourcemap: options.sourcemap ? "external" : false,
    sourcesContent: false,
    legalComments: "none",
    // esbuild keeps absolute paths out of the output; this keeps the build dir out of the map too.
    sourceRoot: "",
    external: [...(options.external ?? [])],
    // The SDK and its deps ship ESM next to CJS; only the ESM build tree-shakes (-25% bundle).
    mainFields: ["module", "main"],
    // Powertools and the SDK read these at runtime; nothing of the build machine is inlined.
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    outdir: bundleDir,
    logLevel: "silent",
    metafile: false,
  });

  const files: Record<string, [Uint8Array, { mtime: Date; level: 9 }]> = {};
  for (const file of [...result.outputFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    const rel = file.path.slice(bundleDir.length + 1).replace(/\\/g, "/");
    files[rel] = [file.contents, { mtime: FIXED_MTIME, level: 9 }];
  }
  const js = files["index.js"];
  if (js === undefined) throw new Error(`bundleLambda: esbuild produced no index.js for ${entry}`);

  const zip = zipSync(files);
  mkdirSync(bundleDir, { recursive: true });
  for (const [rel, [contents]] of Object.entries(files)) writeFileSync(join(bundleDir, rel), contents);
  const zipPath = join(outDir, `${name}.zip`);
  writeFileSync(zipPath, zip);
  return {
    zipPath,
    jsPath: join(bundleDir, "index.js"),
    sha256Base64: createHash("sha256").update(zip).digest("base64"),
    zipBytes: zip.byteLength,
    jsBytes: js[0].byteLength,
  };
}

/** The Lambdas this repo builds. */
export const LAMBDAS = [{ entry: "lambda/lex_fallback/index.ts", name: "lex_fallback" }] as const;

async function main(): Promise<void> {
  const sourcemap = process.argv.includes("--sourcemap");
  for (const lambda of LAMBDAS) {
    const out = await bundleLambda({ entry: lambda.entry, outDir: "dist", name: lambda.name, sourcemap });
    console.log(
      `${lambda.name}: ${out.zipPath} ${(out.zipBytes / 1024).toFixed(1)} KB zip, sha256 ${out.sha256Base64}`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
