import {
  runCli,
  type CliOutput,
  type CliSpec,
  type FlagSpec,
  type ParsedCli,
} from "../../scripts/support/cli-args";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A CLI's command line run in this process, as its scripts/<name>.ts entry runs it (runCliProcess
 * is runCli on process.argv plus the exit code), with what it prints captured. Spawning the
 * bundled CLI instead costs 0.2-1 s of CPU a run, and its first run in a fresh clone an esbuild
 * build; how the launcher and the process wrapper behave is tested once, in app-launcher.test.ts
 * and deploy-day/cli.test.ts.
 */
export async function runCaptured<const F extends Readonly<Record<string, FlagSpec>>>(
  spec: CliSpec<F>,
  main: (args: ParsedCli<F>, out: CliOutput) => number | Promise<number>,
  argv: readonly string[],
  /** The working directory the command line is resolved from, as `npm run` runs it from the root. */
  cwd?: string,
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await runCli(spec, argv, main, {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}
