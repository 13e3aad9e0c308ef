/** The prod config and its synthesized stack (cached across suites), and a context over them. */
import type {
  AwsClients,
  DeployDayContext,
  ProcessResult,
  RunProgram,
} from "../../../scripts/deploy-day/context";
import { deployDayContext } from "../../../scripts/deploy-day/context";
import { configFor, synthStack } from "../../support/synth";

export const ACCOUNT = "111122223333";
export const NOW = new Date("2026-12-06T10:00:00Z");

/** A program runner that answers from a table: `terraform version -json` → stdout. */
export function programs(
  answers: Record<string, ProcessResult | undefined>,
): RunProgram & { calls: string[] } {
  const calls: string[] = [];
  const run = async (file: string, args: readonly string[]) => {
    const line = [file, ...args].join(" ");
    calls.push(line);
    return answers[line] ?? { code: undefined, stdout: "", stderr: `${file}: not found` };
  };
  return Object.assign(run, { calls });
}

export const HEALTHY_PROGRAMS = {
  "terraform version -json": {
    code: 0,
    stdout: '{"terraform_version":"1.10.5","platform":"linux_amd64"}',
    stderr: "",
  },
  "aws --version": {
    code: 0,
    stdout: "aws-cli/2.22.4 Python/3.12.6 Linux/6.1.0 exe/x86_64.debian.12\n",
    stderr: "",
  },
} satisfies Record<string, ProcessResult>;

export function prodContext(
  overrides: {
    config?: unknown;
    run?: RunProgram;
    fetch?: typeof fetch;
    ambientRegion?: string;
    aws?: AwsClients;
  } = {},
): DeployDayContext {
  const config = configFor("prod", overrides.config);
  return deployDayContext({
    env: "prod",
    config,
    stack: synthStack("prod", overrides.config).json,
    ambientRegion: "ambientRegion" in overrides ? overrides.ambientRegion : "eu-west-2",
    run: overrides.run ?? programs(HEALTHY_PROGRAMS),
    fetch: overrides.fetch ?? (() => Promise.reject(new Error("no network in tests"))),
    now: () => NOW,
    ...(overrides.aws ? { aws: overrides.aws } : {}),
  });
}
