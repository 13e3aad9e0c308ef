/**
 * What every deploy-day check runs against: the validated config, the synthesized stack, AWS
 * clients (one per service and region, created on first use: tests replace them with
 * aws-sdk-client-mock), and the processes and HTTP calls a check may make, injectable for tests.
 */
import { execFile } from "node:child_process";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { StackConfig } from "../../config/schema";
import { StackFacts } from "./stack-facts";

/** An AWS SDK v3 client class. */
export type ClientClass<T> = new (config: { region: string }) => T;

/** One client per service class and region, created on first use. */
export class AwsClients {
  private readonly made = new Map<unknown, Map<string, unknown>>();

  client<T>(type: ClientClass<T>, region: string): T {
    const byRegion = this.made.get(type) ?? new Map<string, unknown>();
    this.made.set(type, byRegion);
    if (!byRegion.has(region)) byRegion.set(region, new type({ region }));
    return byRegion.get(region) as T;
  }
}

export interface ProcessResult {
  /** Exit status; undefined when the program could not be started (not installed). */
  readonly code: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program without a shell. */
export type RunProgram = (
  file: string,
  args: readonly string[],
  options?: { cwd?: string },
) => Promise<ProcessResult>;

export const runProgram: RunProgram = (file, args, options = {}) =>
  new Promise((done) => {
    execFile(
      file,
      [...args],
      { cwd: options.cwd, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        const missing = (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
        const code = error ? (missing ? undefined : typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });

export interface Identity {
  readonly account: string;
  readonly arn: string;
  /** `aws`, `aws-cn`, `aws-us-gov`: from the caller's ARN. */
  readonly partition: string;
}

export interface DeployDayContext {
  readonly env: string;
  readonly config: StackConfig;
  readonly facts: StackFacts;
  readonly aws: AwsClients;
  /** The region the AWS CLI and SDK default to in this shell (AWS_REGION, profile); undefined if none. */
  readonly ambientRegion: string | undefined;
  readonly run: RunProgram;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  /** The caller's identity (STS GetCallerIdentity), asked once. */
  readonly identity: () => Promise<Identity>;
}

export interface ContextInput {
  readonly env: string;
  readonly config: StackConfig;
  readonly stack: StackFacts["json"];
  readonly ambientRegion?: string;
  readonly run?: RunProgram;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly aws?: AwsClients;
}

export function deployDayContext(input: ContextInput): DeployDayContext {
  const aws = input.aws ?? new AwsClients();
  let identity: Promise<Identity> | undefined;
  return {
    env: input.env,
    config: input.config,
    facts: new StackFacts(input.stack),
    aws,
    ambientRegion: input.ambientRegion,
    run: input.run ?? runProgram,
    fetch: input.fetch ?? globalThis.fetch,
    now: input.now ?? (() => new Date()),
    identity: () =>
      (identity ??= (async () => {
        // STS GetCallerIdentity response: Account, Arn, UserId (STS API reference).
        const out = await aws.client(STSClient, input.config.region).send(new GetCallerIdentityCommand({}));
        if (!out.Account || !out.Arn) throw new Error("STS GetCallerIdentity returned no account");
        return { account: out.Account, arn: out.Arn, partition: out.Arn.split(":")[1] ?? "aws" };
      })()),
  };
}

/** The region this shell's AWS CLI and SDK would use, or undefined when none is configured. */
export async function ambientRegion(): Promise<string | undefined> {
  try {
    return await new STSClient({}).config.region();
  } catch {
    return undefined;
  }
}
