/**
 * `npm run runbooks` (scripts/runbooks.ts): one page per CloudWatch alarm of the dev and prod
 * stacks in docs/runbooks/, from the synthesized JSON and the runbook catalog.
 */
import { join } from "node:path";
import { runbookPages, stackFacts } from "../../constructs/observability/runbooks";
import type { StackJson } from "../../constructs/rules/types";
import type { CliOutput, ParsedCli } from "./cli-args";
import { synthesizeEnvironments, writeOrCheckPages } from "./generated-pages";

export const RUNBOOKS_CLI = {
  name: "runbooks",
  summary: "Write one runbook page per alarm of the dev and prod stacks to docs/runbooks/.",
  flags: {
    check: {
      type: "boolean",
      help: "write nothing; exit 1 if a page in docs/runbooks/ differs from the synthesized stacks",
    },
  },
} as const;

/** The environments whose alarms get pages. */
export const RUNBOOK_ENVS = ["dev", "prod"] as const;

export const RUNBOOKS_DIR = join(__dirname, "..", "..", "docs", "runbooks");

export interface RunbooksInputs {
  /** Each environment's synthesized JSON; synthesized as `npm run synth` does when not given. */
  readonly stacks?: ReadonlyArray<{ env: string; json: StackJson }>;
  /** @default docs/runbooks */
  readonly dir?: string;
}

export async function runbooks(
  { flags }: ParsedCli<typeof RUNBOOKS_CLI.flags>,
  out: CliOutput,
  inputs: RunbooksInputs = {},
): Promise<number> {
  const stacks = inputs.stacks ?? (await synthesizeEnvironments(RUNBOOK_ENVS, (l) => out.stderr(`${l}\n`)));
  const pages = runbookPages(stacks.map((s) => stackFacts(s.env, s.json)));
  return writeOrCheckPages(
    pages,
    {
      dir: inputs.dir ?? RUNBOOKS_DIR,
      ownsFolder: true,
      script: "runbooks",
      source: `the alarms of the synthesized ${stacks.map((s) => s.env).join(" and ")} stacks`,
    },
    flags.check === true,
    out,
  );
}
