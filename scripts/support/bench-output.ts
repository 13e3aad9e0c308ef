/**
 * What the benches print while they time the handler: nothing of its own output. Its EMF lines and
 * Powertools records are counted and summarised in one line each, not printed.
 */

/** A timed section's log records: counted and summarised, not printed (1,468 lines once buried the report). */
export interface QuietRun {
  readonly records: Record<string, unknown>[];
}

/**
 * Runs `fn` with stdout and stderr kept from the terminal: the handler's EMF lines (stdout) and its
 * Powertools log records (INFO on stdout, WARN and ERROR on stderr) would dominate the timings and
 * bury the report. The structured lines are returned for counting; anything else is dropped.
 */
export async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T } & QuietRun> {
  const records: Record<string, unknown>[] = [];
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  for (const stream of streams)
    stream.write = ((chunk: unknown) => {
      for (const line of String(chunk).split("\n")) {
        if (!line.startsWith('{"level":')) continue;
        try {
          records.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // Not a log record after all: nothing to count.
        }
      }
      return true;
    }) as typeof stream.write;
  try {
    return { value: await fn(), records };
  } finally {
    streams.forEach((stream, i) => (stream.write = writes[i]!));
  }
}

/** One line for the warnings and errors a timed section logged; none expected. */
export function logSummary(section: string, records: readonly Record<string, unknown>[]): string | undefined {
  const loud = records.filter((r) => r["level"] === "WARN" || r["level"] === "ERROR");
  if (loud.length === 0) return undefined;
  const byMessage = new Map<string, number>();
  for (const r of loud)
    byMessage.set(`${r["level"]} ${r["message"]}`, (byMessage.get(`${r["level"]} ${r["message"]}`) ?? 0) + 1);
  return `${section}: ${loud.length} unexpected log record(s): ${[...byMessage].map(([m, n]) => `${n}× ${m}`).join(", ")}`;
}
