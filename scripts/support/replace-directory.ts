import { mkdirSync, renameSync, rmSync } from "node:fs";

/**
 * A new empty folder beside `dir` to write a build into before `replaceDirectory` swaps it in.
 * Unique to this process and call.
 */
export function freshDirectoryFor(dir: string): string {
  const fresh = `${dir}.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`;
  mkdirSync(fresh, { recursive: true });
  return fresh;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Puts a fully written build folder in place of `dir`. Two synths (`cdktf synth` beside
 * `npm run rules`, or parallel test suites) may build the same output at once; each writes its own
 * folder and swaps it in by rename, so none removes files another is still writing (which failed
 * with ENOTEMPTY when each cleared and wrote `dir` itself). Builds are deterministic, so whichever
 * lands last holds the same bytes.
 */
export function replaceDirectory(fresh: string, dir: string): void {
  for (let attempt = 0; ; attempt++) {
    const previous = `${dir}.${process.pid}-${attempt}.old`;
    try {
      renameSync(dir, previous);
    } catch (error) {
      if (errorCode(error) !== "ENOENT") throw error;
    }
    try {
      renameSync(fresh, dir);
      return;
    } catch (error) {
      // Another build landed between the two renames: move that one aside as well and retry.
      if (!["ENOTEMPTY", "EEXIST"].includes(errorCode(error) ?? "") || attempt >= 5) throw error;
    } finally {
      rmSync(previous, { recursive: true, force: true });
    }
  }
}
