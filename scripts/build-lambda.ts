import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { build } from "esbuild";
import { buildCache, fileSha256, writeAtomically } from "./support/build-cache.cjs";
import { runCliProcess, UsageError, type CliOutput, type ParsedCli } from "./support/cli-args";
import { buildErrorLines } from "./support/build-errors.cjs";
import { freshDirectoryFor, replaceDirectory } from "./support/replace-directory";
import { zipSync } from "fflate";

/**
 * Bundles one TypeScript Lambda into `<outDir>/<name>/index.mjs` (plus lazily loaded chunks) and a deterministic
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
 *
 * Module init, 2026-11-25, same 2-vCPU box (load 0.8-1.0), fresh process per load, loaded as the
 * runtime does (require for .js, import() for .mjs), median of 21 interleaved runs, twice:
 *   before  CJS, zod classic (749 KB js):              127 / 131 ms (min 110; 199 ms under load)
 *           CJS, zod/mini    (695 KB js):              109 / 122 ms
 *           ESM split, zod classic (167 KB entry):      63 /  58 ms
 *   after   ESM split, zod/mini (111 KB entry + 32 lazy chunks, 228 KB zip): 50 / 54 ms
 *           (`npm run bench:lambda`, 11 runs: 51-54 ms; budget 150 ms)
 * --cpu-prof of the old bundle: wrapSafe (V8 compiling the whole 749 KB file, SDK included although
 * lazily *evaluated*) 92 of 180 ms, GC 13, file read 15. Of the new entry: compileSourceTextModule
 * 23 of 122 ms profiled, internal loaders 13, GC 9; no single function of ours above 3 ms.
 * The trade: a client's chunk is now read and compiled on its first use. First request_callback
 * (DynamoDB chunk + client, endpoint refused) took 118-131 ms vs 89-103 ms in the CJS bundle,
 * so ~30 ms moves from init to the first call and init + first call is still ~40 ms shorter,
 * because chunks the contact never needs (Bedrock, SNS, Secrets Manager) are never compiled.
 */

export interface BundleOptions {
  /** Entry file exporting `handler`. */
  readonly entry: string;
  /** Output root; the bundle goes to `<outDir>/<name>/index.mjs` (+ chunks/) and `<outDir>/<name>.zip`. */
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
  /** Size of the entry module alone: what module init reads and compiles. */
  readonly jsBytes: number;
  /** Every file in the zip (the entry plus its lazily loaded chunks), sorted. */
  readonly files: readonly string[];
  /** True when an earlier build's zip was reused (no input changed). */
  readonly cached: boolean;
}

/**
 * The entry module. The Node.js runtime resolves handler `index.handler` to index.js, index.mjs
 * or index.cjs, so NodejsLambda's default handler needs no change.
 */
export const ENTRY_FILE = "index.mjs";

/** 1980-01-01, the earliest DOS time a zip can hold: fixed so the archive never depends on the clock. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export async function bundleLambda(options: BundleOptions): Promise<BundleResult> {
  const entry = resolve(options.entry);
  const name = options.name ?? dirname(entry).split(/[\\/]/).pop() ?? "lambda";
  const outDir = resolve(options.outDir);
  const bundleDir = join(outDir, name);
  const cache = buildCache<BundleResult>(join(outDir, ".cache", `${name}.json`), { ...options, entry });
  const cached = cache.read(outputsIntact);
  if (cached) return { ...cached, cached: true };
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: options.target ?? "node20",
    // ESM so esbuild can split: each lazily imported SDK client becomes its own chunk that Node
    // reads and compiles only on first use. A CJS bundle inlines them, and init parses them all.
    format: "esm",
    splitting: true,
    outExtension: { ".js": ".mjs" },
    // Chunk names are content hashes, so the zip stays byte-identical for identical sources.
    chunkNames: "chunks/[name]-[hash]",
    // Bundled CommonJS (and the SDK's optional-dependency probes) call require(); give them Node's.
    banner: {
      js: 'import{createRequire as __createRequire}from"node:module";const require=__createRequire(import.meta.url);',
    },
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
    // The inputs list keys the bundle cache: the next synth rebuilds only if one of them changed.
    metafile: true,
  });

  const files: Record<string, [Uint8Array, { mtime: Date; level: 9 }]> = {};
  for (const file of [...result.outputFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    const rel = file.path.slice(bundleDir.length + 1).replace(/\\/g, "/");
    files[rel] = [file.contents, { mtime: FIXED_MTIME, level: 9 }];
  }
  const js = files[ENTRY_FILE];
  if (js === undefined) throw new Error(`bundleLambda: esbuild produced no ${ENTRY_FILE} for ${entry}`);

  const zip = zipSync(files);
  // A whole new folder, swapped in: no stale chunk (names change with content) stays beside the
  // new ones, and a concurrent build of the same Lambda never sees a half-written one.
  const fresh = freshDirectoryFor(bundleDir);
  for (const [rel, [contents]] of Object.entries(files)) {
    mkdirSync(dirname(join(fresh, rel)), { recursive: true });
    writeFileSync(join(fresh, rel), contents);
  }
  replaceDirectory(fresh, bundleDir);
  const zipPath = join(outDir, `${name}.zip`);
  writeAtomically(zipPath, zip);
  const bundle: BundleResult = {
    zipPath,
    jsPath: join(bundleDir, ENTRY_FILE),
    files: Object.keys(files),
    sha256Base64: createHash("sha256").update(zip).digest("base64"),
    cached: false,
    zipBytes: zip.byteLength,
    jsBytes: js[0].byteLength,
  };
  cache.write(
    Object.keys(result.metafile.inputs).map((input) => resolve(input)),
    bundle,
  );
  return bundle;
}

/** The recorded zip is still on disk, unchanged, with every file it was built with beside it. */
function outputsIntact(bundle: BundleResult): boolean {
  if (!existsSync(bundle.zipPath) || fileSha256(bundle.zipPath, "base64") !== bundle.sha256Base64)
    return false;
  return bundle.files.every((file) => existsSync(join(dirname(bundle.jsPath), file)));
}

/** The Lambdas this repo builds. */
export const LAMBDAS = [
  { entry: "lambda/lex_fallback/index.ts", name: "lex_fallback" },
  { entry: "lambda/ctr_metrics/index.ts", name: "ctr_metrics" },
  { entry: "lambda/companion_api/index.ts", name: "companion_api" },
  { entry: "lambda/crm_api/index.ts", name: "crm_api" },
  { entry: "lambda/callback_status/index.ts", name: "callback_status" },
] as const;

export type LambdaName = (typeof LAMBDAS)[number]["name"];

/** Bundles every Lambda in LAMBDAS once, concurrently (esbuild runs them in parallel). */
export async function bundleAll(outDir: string): Promise<Record<LambdaName, BundleResult>> {
  const built = await Promise.all(
    LAMBDAS.map(async (l) => [l.name, await bundleLambda({ entry: l.entry, outDir, name: l.name })] as const),
  );
  return Object.fromEntries(built) as Record<LambdaName, BundleResult>;
}

export const BUILD_LAMBDA_CLI = {
  name: "build:lambda",
  summary: `Bundle the Lambdas (default: all of ${LAMBDAS.map((l) => l.name).join(", ")}) to dist/: one deterministic zip each.`,
  flags: {
    sourcemap: { type: "boolean", help: "also write a source map beside each bundle" },
  },
  positionals: { name: "lambda" },
} as const;

/** The CLI: builds each Lambda named (all by default); a build error is one line per esbuild error. */
export async function buildLambdas(
  { flags, positionals }: ParsedCli<typeof BUILD_LAMBDA_CLI.flags>,
  out: CliOutput,
  lambdas: readonly { readonly entry: string; readonly name: string }[] = LAMBDAS,
  outDir = "dist",
): Promise<number> {
  const unknown = positionals.find((name) => !lambdas.some((l) => l.name === name));
  if (unknown !== undefined)
    throw new UsageError(`no Lambda named "${unknown}" (Lambdas: ${lambdas.map((l) => l.name).join(", ")})`);
  let failed = 0;
  for (const lambda of lambdas.filter((l) => positionals.length === 0 || positionals.includes(l.name))) {
    let built: BundleResult;
    try {
      built = await bundleLambda({
        entry: lambda.entry,
        outDir,
        name: lambda.name,
        sourcemap: flags.sourcemap === true,
      });
    } catch (error: unknown) {
      const lines = buildErrorLines(error);
      if (lines.length === 0) throw error;
      for (const line of lines) out.stderr(`${line}\n`);
      out.stderr(`${lambda.name}: not built (${lines.length} error${lines.length === 1 ? "" : "s"} above)\n`);
      failed++;
      continue;
    }
    out.stdout(
      `${lambda.name}: ${built.zipPath} ${(built.zipBytes / 1024).toFixed(1)} KB zip, sha256 ${built.sha256Base64}\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}

if (require.main === module) runCliProcess(BUILD_LAMBDA_CLI, buildLambdas);
