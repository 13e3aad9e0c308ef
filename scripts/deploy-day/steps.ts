/**
 * A command as a list of steps, each printed as the shell command it is (or, for an AWS API call,
 * the AWS CLI command that does the same) before it runs. `--dry-run` prints them all and runs none.
 */
export interface Step {
  /** The exact command, as an operator would type it (worked out when it is printed: after the steps before it ran). */
  readonly command: () => string;
  /** What it is for, one line. */
  readonly why: string;
  readonly run: () => Promise<void>;
}

/** Runs (or with dryRun only prints) the steps in order; a failing step stops the rest. */
export async function runSteps(
  steps: readonly Step[],
  dryRun: boolean,
  print: (line: string) => void,
): Promise<void> {
  for (const step of steps) {
    print(`# ${step.why}`);
    print(`${dryRun ? "(dry run) " : ""}$ ${step.command()}`);
    if (!dryRun) await step.run();
  }
}

/** Quotes a shell word when it needs it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

export const shellLine = (words: readonly string[]) => words.map(shellWord).join(" ");
