import { execFile } from "node:child_process";

export interface ColdTurn {
  /** Time from starting to load the bundle to the reply, as a cold container pays it. */
  readonly firstTurnMs: number;
  /** Of which: loading the bundle (module init). */
  readonly initMs: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Lex or flow reply, read by the caller
  readonly response: Record<string, any>;
}

/**
 * Runs one event through the built bundle in a fresh Node process, loaded the way the Lambda
 * runtime loads an .mjs handler (import()), with `env` as the function's environment.
 */
export function coldTurn(jsPath: string, event: unknown, env: Record<string, string>): Promise<ColdTurn> {
  const script = `
const started = process.hrtime.bigint();
const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
const out = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true; // the function's own log and EMF lines
import(${JSON.stringify(jsPath)}).then(async (m) => {
  const initMs = ms();
  const response = await m.handler(${JSON.stringify(event)}, {
    awsRequestId: "cold-1",
    getRemainingTimeInMillis: () => 10000,
  });
  out(JSON.stringify({ firstTurnMs: ms(), initMs, response }));
});`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["-e", script],
      { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`cold turn failed: ${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout) as ColdTurn);
      },
    );
  });
}
