/**
 * `npm run architecture` (scripts/architecture.ts): docs/architecture.md, the AWS services of the
 * synthesized prod stack and the data paths between them, as Mermaid.
 */
import { join } from "node:path";
import { architectureGraph, architecturePage } from "../../constructs/architecture";
import type { StackJson } from "../../constructs/rules/types";
import type { CliOutput, ParsedCli } from "./cli-args";
import { synthesizeEnvironments, writeOrCheckPages } from "./generated-pages";

export const ARCHITECTURE_CLI = {
  name: "architecture",
  summary:
    "Write docs/architecture.md: the services of the synthesized prod stack and the data paths between them.",
  flags: {
    check: {
      type: "boolean",
      help: "write nothing; exit 1 if docs/architecture.md differs from the synthesized stack",
    },
  },
} as const;

/** The environment drawn: what the bank runs. */
export const ARCHITECTURE_ENV = "prod";

export const DOCS_DIR = join(__dirname, "..", "..", "docs");

export interface ArchitectureInputs {
  /** The environment's synthesized JSON; synthesized as `npm run synth` does when not given. */
  readonly json?: StackJson;
  /** @default docs */
  readonly dir?: string;
}

export async function architecture(
  { flags }: ParsedCli<typeof ARCHITECTURE_CLI.flags>,
  out: CliOutput,
  inputs: ArchitectureInputs = {},
): Promise<number> {
  const json =
    inputs.json ?? (await synthesizeEnvironments([ARCHITECTURE_ENV], (l) => out.stderr(`${l}\n`)))[0]!.json;
  const page = architecturePage(architectureGraph(json), ARCHITECTURE_ENV);
  return writeOrCheckPages(
    new Map([["architecture.md", page]]),
    {
      dir: inputs.dir ?? DOCS_DIR,
      ownsFolder: false,
      script: "architecture",
      source: `the synthesized ${ARCHITECTURE_ENV} stack`,
    },
    flags.check === true,
    out,
  );
}
