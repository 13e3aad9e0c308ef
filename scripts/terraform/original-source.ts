/**
 * The original stack (`connect_comprehensive_stack` + the `resources/` modules it calls) copied
 * into a work folder and shimmed for the offline engine (original-shim.ts). The input is a checkout
 * of the original repository or its git directory (then HEAD, or a given revision, is read with
 * `git archive`). Nothing of it is kept in this repository: it is input data of the generator.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../support/cli-args";
import { parseHcl } from "./hcl-scan";
import { shimModule, type ShimOptions } from "./original-shim";

export const ROOT_MODULE = "connect_comprehensive_stack";
const MODULES_DIR = "resources";

/**
 * A zip with no entries (just the end-of-central-directory record): what the set-aside
 * archive_file sources would have written, fixed so the Lambda hashes are the same on every run.
 */
export const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export interface OriginalSource {
  /** The shimmed root module, where terraform runs. */
  readonly rootDir: string;
  /** `<commit>` of a git input, else the checkout's folder. */
  readonly revision: string;
  /** Module folders shimmed (relative to the source), root first. */
  readonly modules: readonly string[];
  /** Set-aside objects by module folder and address, with why. */
  readonly setAside: ReadonlyArray<{
    readonly module: string;
    readonly address: string;
    readonly why: string;
  }>;
}

function git(gitDir: string, args: readonly string[]): Buffer {
  return execFileSync("git", [`--git-dir=${gitDir}`, ...args], {
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Copies the two folders out of a checkout or a git directory into `into`. */
function extract(input: string, into: string, revision: string | undefined): string {
  const source = resolve(input);
  if (existsSync(join(source, ROOT_MODULE))) {
    if (revision) throw new UsageError(`--rev needs a git directory; ${input} is a checkout`);
    for (const dir of [ROOT_MODULE, MODULES_DIR]) {
      // A checkout may hold local state, plugins and build output: none of it is input.
      cpSync(join(source, dir), join(into, dir), {
        recursive: true,
        filter: (path) => !/(^|\/)(\.terraform|terraform\.tfstate[^/]*|\.terraform\.lock\.hcl)$/.test(path),
      });
    }
    return source;
  }
  let commit: string;
  try {
    commit = git(source, ["rev-parse", "--verify", `${revision ?? "HEAD"}^{commit}`])
      .toString()
      .trim();
  } catch {
    throw new UsageError(
      `${input}: neither a checkout holding ${ROOT_MODULE}/ nor a git directory with ${revision ?? "HEAD"}`,
    );
  }
  const tar = join(into, "original.tar");
  writeFileSync(tar, git(source, ["archive", "--format=tar", commit, ROOT_MODULE, MODULES_DIR]));
  execFileSync("tar", ["-xf", tar, "-C", into]);
  rmSync(tar);
  for (const stale of [
    ".terraform",
    ".terraform.lock.hcl",
    "terraform.tfstate",
    "terraform.tfstate.backup",
  ]) {
    rmSync(join(into, ROOT_MODULE, stale), { recursive: true, force: true });
  }
  return commit;
}

/** `source = "../resources/x"` of the root module's module blocks, as folders relative to the source. */
function moduleFolders(rootDir: string): string[] {
  const folders = new Set<string>();
  for (const file of readdirSync(rootDir).filter((f) => f.endsWith(".tf"))) {
    const parsed = parseHcl(readFileSync(join(rootDir, file), "utf8"), file);
    for (const item of parsed.body) {
      if (item.kind !== "block" || item.type !== "module") continue;
      const source = item.body.find((a) => a.kind === "attribute" && a.name === "source");
      const path =
        source?.kind === "attribute"
          ? /^"([^"]+)"$/.exec(parsed.source.slice(source.exprStart, source.end))
          : null;
      if (!path?.[1]?.startsWith("../")) {
        throw new Error(
          `${file}: module ${item.labels[0]} has no local source; only ../${MODULES_DIR}/* is supported`,
        );
      }
      folders.add(join(dirname(`${ROOT_MODULE}/x`), path[1]).replace(/\\/g, "/"));
    }
  }
  return [...folders].sort();
}

function shimFolder(dir: string, options: ShimOptions) {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".tf")))
    files[f] = readFileSync(join(dir, f), "utf8");
  const shimmed = shimModule(files, options);
  for (const [f, text] of Object.entries(shimmed.files))
    if (text !== files[f]) writeFileSync(join(dir, f), text);
  return shimmed;
}

/** Extracts and shims the original into `workDir` (emptied first). */
export function prepareOriginal(
  input: string,
  workDir: string,
  options: ShimOptions & { readonly revision?: string },
): OriginalSource {
  const into = resolve(workDir);
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  const revision = extract(input, into, options.revision);
  const rootDir = join(into, ROOT_MODULE);
  const modules = [ROOT_MODULE, ...moduleFolders(rootDir)];
  const setAside: Array<{ module: string; address: string; why: string }> = [];
  for (const module of modules) {
    const dir = join(into, module);
    if (!existsSync(dir)) throw new Error(`${module}: called by ${ROOT_MODULE} but not in ${input}`);
    const shimmed = shimFolder(dir, options);
    setAside.push(...shimmed.setAside.map((s) => ({ module, ...s })));
    for (const zip of shimmed.zipPaths) {
      const path = /^"\$\{path\.module\}\/([^"$%]+)"$/.exec(zip)?.[1];
      if (!path)
        throw new Error(`${module}: archive_file output_path ${zip} is not "\${path.module}/<file>"`);
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), EMPTY_ZIP);
    }
  }
  return { rootDir, revision, modules, setAside };
}
