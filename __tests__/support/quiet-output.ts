/**
 * Test output is jest's report, not the Lambdas' logs. Each structured line the code under test
 * writes (Powertools' JSON logs: INFO on stdout, WARN and ERROR on stderr; EMF metric lines) is
 * kept for the test to assert on instead of being printed: ~60 "Lex event repaired" lines used to
 * bury the report. Anything else written passes through. CONNECT_TEST_LOGS=1 prints them as well.
 */

/** One structured line the code under test wrote. */
export interface CapturedLine {
  readonly stream: "stdout" | "stderr";
  /** The line as written, without its newline. */
  readonly text: string;
}

/** A Powertools log record or an EMF metric record, as the first thing on a line. */
const STRUCTURED = /^\{"(level|_aws)":/;

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

/**
 * Routes the structured lines written to `stream` into `sink`; returns the function that puts the
 * stream's own write back. A chunk with any other line in it is written unchanged.
 */
export function captureStructuredLines(
  stream: { write: Write },
  name: CapturedLine["stream"],
  sink: CapturedLine[],
  alsoPrint = false,
): () => void {
  const original = stream.write;
  const write: Write = function (this: unknown, chunk, ...rest) {
    const text =
      typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : undefined;
    const lines = text?.split("\n").filter((line) => line !== "") ?? [];
    if (lines.length === 0 || !lines.every((line) => STRUCTURED.test(line)))
      return original.call(this, chunk, ...rest);
    sink.push(...lines.map((line) => ({ stream: name, text: line })));
    if (alsoPrint) return original.call(this, chunk, ...rest);
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    callback?.();
    return true;
  };
  stream.write = write;
  return () => {
    stream.write = original;
  };
}

const captured: CapturedLine[] = [];

/** Installs the capture on this process's stdout and stderr (the jest setup does, once per test file). */
export function installQuietOutput(): void {
  const print = process.env.CONNECT_TEST_LOGS === "1";
  captureStructuredLines(process.stdout as unknown as { write: Write }, "stdout", captured, print);
  captureStructuredLines(process.stderr as unknown as { write: Write }, "stderr", captured, print);
}

/** The structured lines written since the current test started, parsed. */
export function loggedRecords(): Record<string, unknown>[] {
  return captured.map((line) => JSON.parse(line.text) as Record<string, unknown>);
}

/** Forgets what earlier tests wrote (the setup calls it before each test). */
export function clearCapturedLines(): void {
  captured.length = 0;
}
