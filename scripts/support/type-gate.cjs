// @ts-check
"use strict";
/**
 * The type gate of `cdktf diff` / `deploy`: the app is bundled by esbuild, which strips types
 * without checking them, so a type error in a Lambda or construct would otherwise reach a plan
 * and a deploy. Before any cdktf CLI command other than synth, the app launcher runs the checks of
 * `npm run typecheck` (tsc --noEmit on each project), incrementally (tsbuildinfo under
 * node_modules/.cache/connect-typecheck), and not at all while no source has changed since the
 * last clean check. `npm run synth` and `cdktf synth` never wait for it; CI runs typecheck itself.
 * CONNECT_TYPECHECK=1 forces the check on any run (what a careful synth can ask for).
 *
 * The cdktf CLI gives the app the same environment for synth and diff (measured on cdktf-cli
 * 0.21: only CDKTF_OUTDIR, CDKTF_CONTEXT_JSON, SYNTH_HCL_OUTPUT and
 * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS are added), so the command is read from the CLI's own
 * command line, an ancestor of this process. When it cannot be read the check runs: a gate that
 * cannot tell fails closed.
 */
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { writeAtomically } = require("./build-cache.cjs");

/** cdktf commands that only synthesize: no plan, nothing deployed. */
const SYNTH_ONLY = new Set(["synth", "list", "ls"]);
/** Folders that hold no source of the projects. */
const NOT_SOURCES = new Set(["node_modules", "dist", "cdktf.out", "coverage", ".gen"]);
const SOURCE_FILE = /\.(ts|mts|cts|cjs|mjs|js|json)$/;

/**
 * The cdktf command among ancestor command lines (nearest first), e.g. "diff"; "" for a bare
 * `cdktf`; undefined when no ancestor is the cdktf CLI.
 * @param {readonly (readonly string[])[]} ancestors
 * @returns {string | undefined}
 */
function cdktfCommand(ancestors) {
  for (const argv of ancestors) {
    const at = argv.findIndex((arg) => /(^|[\\/])cdktf(\.js)?$/.test(arg));
    if (at < 0) continue;
    return argv.slice(at + 1).find((arg) => !arg.startsWith("-")) ?? "";
  }
  return undefined;
}

/**
 * Command lines of this process's ancestors, nearest first (at most `depth`): /proc on Linux,
 * `ps` elsewhere. Empty when neither answers.
 * @param {number} [pid]
 * @param {number} [depth]
 * @returns {string[][]}
 */
function ancestorCommandLines(pid = process.ppid, depth = 6) {
  /** @type {string[][]} */
  const lines = [];
  for (let current = pid; current > 1 && lines.length < depth;) {
    try {
      if (fs.existsSync("/proc/self/stat")) {
        lines.push(fs.readFileSync(`/proc/${current}/cmdline`, "utf8").split("\0").filter(Boolean));
        // Field 4 of stat, after the parenthesised name (which may hold spaces).
        const stat = fs.readFileSync(`/proc/${current}/stat`, "utf8");
        current = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      } else {
        const row = require("node:child_process")
          .execFileSync("ps", ["-o", "ppid=,args=", "-p", String(current)], {
            encoding: "utf8",
          })
          .trim();
        const [parent = "0", ...args] = row.split(/\s+/);
        lines.push(args);
        current = Number(parent);
      }
    } catch {
      break;
    }
  }
  return lines;
}

/**
 * Why the launcher must check types before running the app, or undefined when it need not.
 * @param {NodeJS.ProcessEnv} env
 * @param {() => readonly (readonly string[])[]} ancestors read only when the cdktf CLI runs the app
 * @returns {string | undefined}
 */
function typeCheckReason(env, ancestors) {
  if (env.CONNECT_TYPECHECK === "1") return "CONNECT_TYPECHECK=1";
  // Set by the cdktf CLI for the app it runs (synth-stack.js), never by npm run synth.
  if (env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === undefined) return undefined;
  const command = cdktfCommand(ancestors());
  if (command !== undefined && SYNTH_ONLY.has(command)) return undefined;
  return command ? `cdktf ${command}` : "a cdktf command that could not be identified";
}

/**
 * Every file that can change what tsc says about the projects: sources, configs, JSON, and npm's
 * record of the installed tree (node_modules/.package-lock.json) for the dependencies' types.
 * @param {string} root
 * @returns {string[]} absolute paths, sorted
 */
function sourceFiles(root) {
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !NOT_SOURCES.has(entry.name)) walk(path.join(dir, entry.name));
      } else if (SOURCE_FILE.test(entry.name)) files.push(path.join(dir, entry.name));
    }
  };
  walk(root);
  const installed = path.join(root, "node_modules", ".package-lock.json");
  if (fs.existsSync(installed)) files.push(installed);
  return files.sort();
}

/**
 * @param {string} root
 * @param {readonly string[]} projects
 */
function sourcesKey(root, projects) {
  const tsc = require.resolve("typescript/package.json", { paths: [root] });
  const hash = createHash("sha256").update(JSON.stringify({ projects, tsc: fs.readFileSync(tsc, "utf8") }));
  for (const file of sourceFiles(root))
    hash.update(`\n${path.relative(root, file)}\n`).update(fs.readFileSync(file));
  return hash.digest("hex");
}

/**
 * @typedef {{ ok: true, cached: boolean, seconds: number } | { ok: false, errors: string[], seconds: number }} TypeCheck
 */

/**
 * tsc --noEmit on each project (relative to root), incremental; skipped when no source changed
 * since the last clean check. Errors come back one line each, `file(line,col): error TSnnnn: …`.
 * @param {{ root: string, projects: readonly string[], cacheDir?: string }} options
 * @returns {TypeCheck}
 */
function checkTypes({
  root,
  projects,
  cacheDir = path.join(root, "node_modules", ".cache", "connect-typecheck"),
}) {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const record = path.join(cacheDir, "clean.json");
  const key = sourcesKey(root, projects);
  try {
    if (JSON.parse(fs.readFileSync(record, "utf8")).key === key)
      return { ok: true, cached: true, seconds: seconds() };
  } catch {
    // No record, or an unreadable one: check.
  }
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  /** @type {string[]} */
  const errors = [];
  for (const project of projects) {
    const buildInfo = path.join(cacheDir, `${project.replace(/[\\/]/g, "__")}.tsbuildinfo`);
    fs.mkdirSync(cacheDir, { recursive: true });
    // child_process only when a check runs: npm run synth never loads it for the gate.
    const child = require("node:child_process").spawnSync(
      process.execPath,
      [tsc, "--noEmit", "--incremental", "--tsBuildInfoFile", buildInfo, "--pretty", "false", "-p", project],
      { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    if (child.status === 0) continue;
    // Continuation lines (indented) belong to the error above them: one line per error.
    const lines = `${child.stdout ?? ""}${child.stderr ?? ""}`.split("\n");
    for (const line of lines) {
      if (line.trim() === "") continue;
      if (/^\s/.test(line) && errors.length > 0) errors[errors.length - 1] += ` ${line.trim()}`;
      else errors.push(line);
    }
    if (child.status === null || errors.length === 0)
      errors.push(`tsc -p ${project} failed (${child.error?.message ?? `exit ${child.status}`})`);
  }
  if (errors.length > 0) return { ok: false, errors, seconds: seconds() };
  // The key of the sources as they were before the check: an edit made meanwhile checks again.
  writeAtomically(record, `${JSON.stringify({ key })}\n`);
  return { ok: true, cached: false, seconds: seconds() };
}

/**
 * The launcher's gate: checks types when typeCheckReason says so, prints one progress line and,
 * on errors, one line each and why the command stops. Returns false when the app must not run.
 * @param {{ root: string, projects: readonly string[], env?: NodeJS.ProcessEnv, ancestors?: () => readonly (readonly string[])[], stdout?: NodeJS.WritableStream, stderr?: NodeJS.WritableStream, cacheDir?: string }} options
 * @returns {boolean}
 */
function typeGate({
  root,
  projects,
  env = process.env,
  ancestors = () => ancestorCommandLines(),
  stdout = process.stdout,
  stderr = process.stderr,
  cacheDir,
}) {
  const reason = typeCheckReason(env, ancestors);
  if (reason === undefined) return true;
  const result = checkTypes({ root, projects, ...(cacheDir ? { cacheDir } : {}) });
  const took = `${result.seconds.toFixed(1)} s`;
  if (result.ok) {
    stdout.write(
      `types: ${result.cached ? "unchanged since the last clean check" : `clean (tsc --noEmit ${projects.join(", ")}, ${took})`}, before ${reason}\n`,
    );
    return true;
  }
  stderr.write(result.errors.map((line) => `${line}\n`).join(""));
  stderr.write(
    `${reason} stopped: ${result.errors.length} type error(s) above (tsc --noEmit ${projects.join(", ")}, ${took}); the app is bundled without type checks, so fix them first\n`,
  );
  return false;
}

module.exports = { ancestorCommandLines, cdktfCommand, checkTypes, sourcesKey, typeCheckReason, typeGate };
