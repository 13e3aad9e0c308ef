/**
 * `npm run check:cdktn [-- --keep] [--tests] [--env dev,prod]`: proves the exit to CDK Terrain (cdktn, the
 * maintained fork of the archived CDKTF) stays a rename. It copies the project to a temporary
 * folder, swaps the packages for exact cdktn versions, rewrites the imports, points the null
 * provider at our own binding (there is no @cdktn/provider-null), then type-checks and synthesizes
 * there and compares the JSON with this project's: only the framework version and the aws provider
 * pin may differ. It runs the app, not the cdktn CHECK_CDKTN_CLI, which needs Node >= 22.19.
 * `--tests` also runs the whole jest suite in the copy.
 * Exit 0 clean, 1 when the outputs diverge or a step fails, 2 usage.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { environments } from "../../config/environments";
import { formatDifference, unexpectedDifferences } from "../cdktn/compare";
import { CONSTRUCTS_FOR_CDKTN, PACKAGE_SWAPS, toCdktnPackageJson, toCdktnSource } from "../cdktn/rewrite";
import { UsageError, type CliOutput, type ParsedCli } from "./cli-args";

const ROOT = resolve(__dirname, "../..");
const MAX_SHOWN = 40;

export const CHECK_CDKTN_CLI = {
  name: "check:cdktn",
  summary:
    "Synthesize on CDK Terrain in a temporary copy and compare with this project's output. Exit 1 when they diverge or a step fails.",
  flags: {
    keep: { type: "boolean", help: "keep the temporary copy and print where it is" },
    tests: { type: "boolean", help: "also run the whole jest suite in the copy" },
    env: {
      type: "string",
      value: "dev,prod",
      help: "environments to compare, comma-separated (default: every one)",
    },
  },
} as const;

function environmentsOf(value: string | undefined): string[] {
  const known = Object.keys(environments);
  if (value === undefined) return known;
  const envs = value.split(",").map((e) => e.trim());
  const unknown = envs.find((e) => !known.includes(e));
  if (unknown !== undefined)
    throw new UsageError(`--env: no environment "${unknown}" (environments: ${known.join(", ")})`);
  return envs;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const child = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      npm_config_fund: "false",
      npm_config_audit: "false",
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    const output = `${child.stdout ?? ""}${child.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n");
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${child.status}:\n${output}`);
  }
  return child.stdout;
}

function synth(projectDir: string, env: string, outdir: string): unknown {
  run(process.execPath, ["scripts/run-app.cjs"], projectDir, {
    CDKTF_OUTDIR: outdir,
    CONNECT_ENV: env,
  });
  const stackDir = join(outdir, "stacks", `connect-comprehensive-${env}`);
  return JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
}

function trackedFiles(): string[] {
  const listing = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT);
  return listing.split("\0").filter(Boolean);
}

function copyProject(files: readonly string[], target: string): void {
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(ROOT, file), join(target, file));
  }
}

function rewriteSources(files: readonly string[], target: string): number {
  let changed = 0;
  for (const file of files.filter((f) => f.endsWith(".ts"))) {
    const path = join(target, file);
    const before = readFileSync(path, "utf8");
    const after = toCdktnSource(before, file);
    if (after !== before) {
      writeFileSync(path, after);
      changed++;
    }
  }
  return changed;
}

export function checkCdktnMain({ flags }: ParsedCli<typeof CHECK_CDKTN_CLI.flags>, out: CliOutput): number {
  const options = { keep: flags.keep === true, tests: flags.tests === true, envs: environmentsOf(flags.env) };
  const started = Date.now();
  const step = (text: string) => out.stdout(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${text}\n`);
  const work = mkdtempSync(join(tmpdir(), "check-cdktn-"));
  const copy = join(work, "project");
  let failed = false;
  try {
    step(`synthesizing with cdktf (${options.envs.join(", ")})`);
    const expected = options.envs.map((env) => synth(ROOT, env, join(work, "out-cdktf")));

    const files = trackedFiles();
    step(`copying ${files.length} files to ${copy}`);
    copyProject(files, copy);
    const pkgPath = join(copy, "package.json");
    writeFileSync(pkgPath, toCdktnPackageJson(readFileSync(pkgPath, "utf8")));
    const pins = [...PACKAGE_SWAPS.map((s) => `${s.to}@${s.version}`), `constructs@${CONSTRUCTS_FOR_CDKTN}`];
    step(`installing ${pins.join(", ")} (npm install, lockfile kept for everything else)`);
    run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"], copy);
    step(`rewrote imports in ${rewriteSources(files, copy)} files`);
    step("typechecking with cdktn");
    run(
      process.execPath,
      [require.resolve("typescript/bin/tsc", { paths: [copy] }), "--noEmit", "-p", "."],
      copy,
    );

    for (const [i, env] of options.envs.entries()) {
      step(`synthesizing with cdktn (${env}) and comparing`);
      const actual = synth(copy, env, join(work, "out-cdktn"));
      const differences = unexpectedDifferences(expected[i], actual);
      if (differences.length === 0) continue;
      failed = true;
      out.stdout(`${env}: ${differences.length} unexpected difference(s) between cdktf and cdktn output:\n`);
      for (const difference of differences.slice(0, MAX_SHOWN))
        out.stdout(`${formatDifference(difference)}\n`);
      if (differences.length > MAX_SHOWN) out.stdout(`  … and ${differences.length - MAX_SHOWN} more\n`);
    }
    if (options.tests) {
      // The whole suite on cdktn, snapshots included (they leave out the framework's aws pin). The
      // exit test itself reads git and the cdktf sources, which the copy has neither of. Where the
      // JSON compared equal, the real-terraform suites would plan the same configuration again
      // (minutes, same verdict): they run only if the outputs differ.
      step("running the tests with cdktn (jest)");
      const jest = spawnSync(
        process.execPath,
        [
          require.resolve("jest/bin/jest", { paths: [copy] }),
          "--ci",
          "--testPathIgnorePatterns",
          "/node_modules/",
          "cdktn-exit",
        ],
        {
          cwd: copy,
          stdio: "inherit",
          env: {
            ...process.env,
            CHECKPOINT_DISABLE: "1",
            ...(failed ? {} : { CONNECT_REAL_ENGINE_TESTS: "off" }),
          },
        },
      );
      if (jest.status !== 0) {
        failed = true;
        out.stdout("the tests fail on cdktn (above)\n");
      }
    }
    step(
      failed
        ? "check:cdktn FAILED: the outputs diverge beyond the provider pin, or the tests fail"
        : `check:cdktn ok: ${options.envs.join(", ")} synthesize identically on cdktn apart from the provider pin`,
    );
    return failed ? 1 : 0;
  } finally {
    if (options.keep) out.stdout(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}
