import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { build, type BuildOptions } from "esbuild";
import { buildCache } from "./support/build-cache.cjs";
import { buildErrorLines } from "./support/build-errors.cjs";
import { runCliProcess, type CliOutput, type ParsedCli } from "./support/cli-args";
import { freshDirectoryFor, replaceDirectory } from "./support/replace-directory";
import type { CcpAsset, CcpSiteAssets } from "../constructs/ccp/assets";

/**
 * Builds the CCP site's scripts and styles with esbuild: the page module (ccp_site/src/main.ts, with
 * its CSS) and amazon-connect-streams from npm, each to `<name>-<content hash>.<ext>`. Same inputs
 * give the same bytes and names, so a synth with nothing changed changes nothing in Terraform.
 *
 * Reused while its inputs are unchanged (scripts/support/build-cache.cjs, shared with the Lambda
 * and app bundles). Measured on the shared 2-vCPU box: cold build ~0.7 s (minifying the 1.5 MB
 * library is most of it), cached ~25 ms.
 */

export interface CcpBuildOptions {
  /** Output folder; files go to `<outDir>/ccp_site/`. */
  readonly outDir: string;
  /** ccp.connectStreamsFile: a release file to serve as is instead of the npm package. */
  readonly streamsFile?: string;
  /** Repository root (where ccp_site/ and node_modules/ are). @default the current directory */
  readonly root?: string;
}

export interface CcpBuildResult {
  readonly assets: CcpSiteAssets;
  /** True when the previous build's output was reused. */
  readonly cached: boolean;
}

/** Bump when the build options change in a way the input hashes cannot see. */
const CACHE_VERSION = 1;
const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");

function esbuildOptions(root: string, streamsEntry: string | undefined): BuildOptions {
  const entryPoints = [{ in: join(root, "ccp_site", "src", "main.ts"), out: "ccp" }];
  if (streamsEntry) entryPoints.push({ in: streamsEntry, out: "connect-streams" });
  return {
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    platform: "browser",
    // Agents use current Chrome, Edge or Firefox (the CCP itself requires them).
    target: ["es2020"],
    format: "iife",
    minify: true,
    // Third-party licence notices stay with the code they cover.
    legalComments: "eof",
    entryNames: "[name]-[hash]",
    outbase: root,
    // Paths inside the bundle are relative to root even where node_modules is a symlink, so the
    // bytes (and names) do not depend on where the repository is checked out.
    preserveSymlinks: true,
    metafile: true,
    write: false,
    outdir: join(root, "dist", "ccp_site"),
    logLevel: "silent",
  };
}

/** Writes a file into the build folder `writeDir`; it is served from `dir` once that is swapped in. */
function asset(
  dirs: { writeDir: string; dir: string },
  name: string,
  contents: Uint8Array,
  contentType: string,
): CcpAsset {
  writeFileSync(join(dirs.writeDir, name), contents);
  return { key: name, path: join(dirs.dir, name), contentType, md5: md5(contents) };
}

export async function buildCcpSite(options: CcpBuildOptions): Promise<CcpBuildResult> {
  const root = resolve(options.root ?? ".");
  const dir = resolve(options.outDir, "ccp_site");
  const streamsFile = options.streamsFile ? resolve(root, options.streamsFile) : undefined;
  if (streamsFile && !existsSync(streamsFile)) {
    throw new Error(
      `ccp.connectStreamsFile "${options.streamsFile}" does not exist (resolved to ${streamsFile}); point it at an amazon-connect-streams release file or leave it unset to use the npm package`,
    );
  }
  // esbuild resolves the package from root (its `main`, the unminified release file) and minifies it.
  const streamsEntry = streamsFile ? undefined : "amazon-connect-streams";
  const buildOptions = esbuildOptions(root, streamsEntry);
  const cache = buildCache<CcpSiteAssets>(join(dir, "..", ".cache", "ccp_site.json"), {
    CACHE_VERSION,
    buildOptions: { ...buildOptions, absWorkingDir: undefined, outdir: undefined },
    streamsFile: streamsFile ? sha256(readFileSync(streamsFile)) : null,
  });
  // Intact: every recorded file still on disk with the bytes it was built with.
  const previous = cache.read((assets) =>
    [assets.app, assets.styles, assets.streams].every(
      (a) => existsSync(a.path) && md5(readFileSync(a.path)) === a.md5,
    ),
  );
  if (previous) return { assets: previous, cached: true };

  const result = await build(buildOptions);
  // Written into a folder of its own and swapped in (replace-directory.ts): a concurrent synth
  // building the same site never sees, or removes, half of it.
  const dirs = { writeDir: freshDirectoryFor(dir), dir };
  const output = (pattern: RegExp) => {
    const found = result.outputFiles?.find((f) => pattern.test(basename(f.path)));
    if (!found) throw new Error(`buildCcpSite: esbuild produced no file matching ${pattern}`);
    return found;
  };
  const app = output(/^ccp-\w+\.js$/);
  const styles = output(/^ccp-\w+\.css$/);
  let streams: CcpAsset;
  if (streamsFile) {
    // A team's pinned copy is served byte for byte; only the name gains its hash.
    const bytes = readFileSync(streamsFile);
    streams = asset(dirs, `connect-streams-${sha256(bytes).slice(0, 8).toUpperCase()}.js`, bytes, JS);
  } else {
    const built = output(/^connect-streams-\w+\.js$/);
    streams = asset(dirs, basename(built.path), built.contents, JS);
  }
  const assets: CcpSiteAssets = {
    app: asset(dirs, basename(app.path), app.contents, JS),
    styles: asset(dirs, basename(styles.path), styles.contents, CSS),
    streams,
  };
  replaceDirectory(dirs.writeDir, dir);
  cache.write(
    Object.keys(result.metafile?.inputs ?? {}).map((file) => join(root, file)),
    assets,
  );
  return { assets, cached: false };
}

export const BUILD_CCP_CLI = {
  name: "build:ccp",
  summary:
    "Build the CCP page's scripts and styles to dist/ccp_site/ (hashed names, reused while the inputs are unchanged).",
  flags: {},
} as const;

/** `npm run build:ccp`: build (or reuse) the site and list its files; a build error is one line per esbuild error. */
export async function buildCcpCli(
  _args: ParsedCli<typeof BUILD_CCP_CLI.flags>,
  out: CliOutput,
  options: CcpBuildOptions = { outDir: "dist" },
): Promise<number> {
  const started = Date.now();
  let built: CcpBuildResult;
  try {
    built = await buildCcpSite(options);
  } catch (error: unknown) {
    const lines = buildErrorLines(error);
    if (lines.length === 0) throw error;
    for (const line of lines) out.stderr(`${line}\n`);
    out.stderr(`CCP site: not built (${lines.length} error${lines.length === 1 ? "" : "s"} above)\n`);
    return 1;
  }
  const { assets, cached } = built;
  for (const a of [assets.streams, assets.app, assets.styles]) {
    const bytes = readFileSync(a.path).byteLength;
    out.stdout(`${relative(".", a.path)}  ${(bytes / 1024).toFixed(1)} KB\n`);
  }
  const dir = resolve(options.outDir, "ccp_site");
  out.stdout(
    `${cached ? "reused" : "built"} in ${Date.now() - started} ms (${readdirSync(dir).length} files)\n`,
  );
  return 0;
}

if (require.main === module) runCliProcess(BUILD_CCP_CLI, buildCcpCli);
