/**
 * The DR commands' command lines (npm run dr:replicate, dr:failover, dr:status) on the shared
 * parser. Each main takes its AWS clients, clock and config loader, so tests run the same code
 * against stubbed clients; the entry files under scripts/ pass the real ones.
 */
import { loadConfig } from "../../config/load";
import type { StackConfig } from "../../config/schema";
import { wholeNumberFlag, type CliOutput, type ParsedCli } from "../support/cli-args";
import { lexClients, type LexClients } from "./bots";
import { connectClients, REAL_CLOCK, type Clock, type ConnectClients } from "./connect";
import { parseChoice } from "./distribution";
import { runFailover } from "./failover";
import { runReplicate } from "./replicate";
import { runStatus } from "./status";
import { drTarget, requireGroup } from "./target";

export interface DrDeps {
  readonly connect: ConnectClients;
  readonly lex: LexClients;
  readonly clock: Clock;
  /** The environment's validated config (CONNECT_CONFIG_FILE merged, as synth does). */
  readonly config: (env: string) => StackConfig;
}

export function realDeps(): DrDeps {
  return {
    connect: connectClients(),
    lex: lexClients(),
    clock: REAL_CLOCK,
    config: (env) => loadConfig({ env, overridesFile: process.env.CONNECT_CONFIG_FILE }),
  };
}

const ENV_FLAG = {
  type: "string",
  value: "name",
  help: "environment (default: prod, the only one with disaster recovery)",
} as const;

export const REPLICATE_CLI = {
  name: "dr:replicate",
  summary:
    "Create the replica instance (ReplicateInstance) and the bots' replicas (Lex Global Resiliency) where there are none, wait until they are ready, and print the default traffic distribution group's ARN for config. Safe to rerun. Exit 0 ready, 1 failed or timed out.",
  flags: {
    env: ENV_FLAG,
    "dry-run": { type: "boolean", help: "say what would be called; change nothing" },
    "wait-minutes": { type: "string", value: "n", help: "how long to wait for the replica (default 60)" },
  },
} as const;

export const FAILOVER_CLI = {
  name: "dr:failover",
  summary:
    "Move calls (and with --agents, agents and sign-in) to a Region with UpdateTrafficDistribution, showing the distribution before and after. Exit 0 done, 1 refused, 3 partial (listed; rerun to complete).",
  flags: {
    env: ENV_FLAG,
    to: { type: "string", value: "region", help: "the Region calls move to: the primary or the replica" },
    percent: { type: "string", value: "n", help: "share of calls for --to: 0 to 100 in steps of 10" },
    agents: { type: "boolean", help: "move agents and their sign-in with the calls (AWS recommends it)" },
    "dry-run": { type: "boolean", help: "show the distribution and the request; send nothing" },
  },
} as const;

export const STATUS_CLI = {
  name: "dr:status",
  summary:
    "Show the instance and its replica, the traffic distribution group, the current distribution and the numbers in the group. Exit 0 when the distribution was read.",
  flags: { env: ENV_FLAG },
} as const;

export const replicateMain =
  (deps: DrDeps) =>
  async ({ flags }: ParsedCli<typeof REPLICATE_CLI.flags>, out: CliOutput): Promise<number> => {
    const env = flags.env ?? "prod";
    const minutes = wholeNumberFlag("wait-minutes", flags["wait-minutes"], 60, 1, 24 * 60);
    return runReplicate(
      {
        target: drTarget(env, deps.config(env)),
        connect: deps.connect,
        lex: deps.lex,
        clock: deps.clock,
        dryRun: flags["dry-run"] === true,
        timeoutMs: minutes * 60_000,
      },
      out,
    );
  };

export const failoverMain =
  (deps: DrDeps) =>
  async ({ flags }: ParsedCli<typeof FAILOVER_CLI.flags>, out: CliOutput): Promise<number> => {
    const env = flags.env ?? "prod";
    const target = drTarget(env, deps.config(env));
    const pair = { primary: target.primaryRegion, replica: target.replicaRegion };
    const choice = parseChoice(pair, flags.to, flags.percent, flags.agents === true);
    return runFailover(
      {
        pair,
        groupArn: requireGroup(target),
        choice,
        dryRun: flags["dry-run"] === true,
        connect: deps.connect,
        clock: deps.clock,
      },
      out,
    );
  };

export const statusMain =
  (deps: DrDeps) =>
  async ({ flags }: ParsedCli<typeof STATUS_CLI.flags>, out: CliOutput): Promise<number> => {
    const env = flags.env ?? "prod";
    return runStatus({ target: drTarget(env, deps.config(env)), connect: deps.connect }, out);
  };
