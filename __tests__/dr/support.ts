import {
  ConnectClient,
  type DescribeTrafficDistributionGroupResponse,
  type GetTrafficDistributionResponse,
  type TrafficDistributionGroupStatus,
} from "@aws-sdk/client-connect";
import { LexModelsV2Client } from "@aws-sdk/client-lex-models-v2";
import { mockClient, type AwsClientStub } from "aws-sdk-client-mock";
import { loadConfig } from "../../config/load";
import type { StackConfig } from "../../config/schema";
import type { Clock } from "../../scripts/dr/connect";
import type { DrDeps } from "../../scripts/dr/cli";
import { type CliSpec, type FlagSpec, type ParsedCli, type CliOutput } from "../../scripts/support/cli-args";
import { runCaptured, type CliRun } from "../support/run-cli";

export const PRIMARY = "eu-west-2";
export const REPLICA = "eu-central-1";
export const ACCOUNT = "111122223333";
export const INSTANCE_ID = "3f9c1d2e-8b47-4a6f-9e21-5c0d7b8a4e13";
export const GROUP_ID = "7a2e4c91-0b3d-4f58-a6e7-19c8d5b2f340";
export const GROUP_ARN = `arn:aws:connect:${PRIMARY}:${ACCOUNT}:traffic-distribution-group/${GROUP_ID}`;
export const INSTANCE_ALIAS = "connect-comprehensive-prod";
export const REPLICA_ALIAS = `${INSTANCE_ALIAS}-replica`;

/** Prod with DR on, as the bank's file would say it once the replica exists (group optional). */
export function drConfig(group: string | null = GROUP_ARN): StackConfig {
  return loadConfig({
    env: "prod",
    overrides: {
      dr: { enabled: true, replicaRegion: REPLICA, ...(group ? { trafficDistributionGroupArn: group } : {}) },
    },
  });
}

/** One real ConnectClient per Region, each stubbed on its own: a Region can fail alone. */
export interface Regions {
  readonly primary: AwsClientStub<ConnectClient>;
  readonly replica: AwsClientStub<ConnectClient>;
  /** Lex model building in the primary Region (bots are replicated from there). */
  readonly lex: AwsClientStub<LexModelsV2Client>;
  readonly deps: DrDeps;
  /** Milliseconds the fake clock has slept. */
  slept(): number;
}

export function regions(
  config: (env: string) => StackConfig = (env) => (env === "prod" ? drConfig() : loadConfig({ env })),
): Regions {
  const clients: Record<string, ConnectClient> = {
    [PRIMARY]: new ConnectClient({ region: PRIMARY }),
    [REPLICA]: new ConnectClient({ region: REPLICA }),
  };
  let now = 0;
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  const lex = new LexModelsV2Client({ region: PRIMARY });
  return {
    primary: mockClient(clients[PRIMARY]!),
    replica: mockClient(clients[REPLICA]!),
    lex: mockClient(lex),
    deps: {
      clock,
      config,
      lex: (region) => {
        if (region !== PRIMARY) throw new Error(`test: bots are replicated from ${PRIMARY}, not ${region}`);
        return lex;
      },
      connect: (region) => {
        const client = clients[region];
        if (!client) throw new Error(`test: no client for ${region}`);
        return client;
      },
    },
    slept: () => now,
  };
}

/** Runs a DR command line as npm would, capturing what it prints. */
export function run<const F extends Readonly<Record<string, FlagSpec>>>(
  spec: CliSpec<F>,
  main: (args: ParsedCli<F>, out: CliOutput) => Promise<number>,
  argv: readonly string[],
): Promise<CliRun> {
  return runCaptured(spec, main, argv);
}

/** GetTrafficDistribution's answer (Connect API reference shape). */
export function distribution(
  telephony: readonly [primary: number, replica: number],
  agents?: readonly [primary: number, replica: number],
  signIn?: readonly [primary: boolean, replica: boolean],
): GetTrafficDistributionResponse {
  return {
    Id: GROUP_ID,
    Arn: GROUP_ARN,
    TelephonyConfig: {
      Distributions: [
        { Region: PRIMARY, Percentage: telephony[0] },
        { Region: REPLICA, Percentage: telephony[1] },
      ],
    },
    ...(agents
      ? {
          AgentConfig: {
            Distributions: [
              { Region: PRIMARY, Percentage: agents[0] },
              { Region: REPLICA, Percentage: agents[1] },
            ],
          },
        }
      : {}),
    ...(signIn
      ? {
          SignInConfig: {
            Distributions: [
              { Region: PRIMARY, Enabled: signIn[0] },
              { Region: REPLICA, Enabled: signIn[1] },
            ],
          },
        }
      : {}),
  };
}

export const group = (Status: TrafficDistributionGroupStatus): DescribeTrafficDistributionGroupResponse => ({
  TrafficDistributionGroup: {
    Id: GROUP_ID,
    Arn: GROUP_ARN,
    Name: "connect-comprehensive-prod-default",
    InstanceArn: `arn:aws:connect:${PRIMARY}:${ACCOUNT}:instance/${INSTANCE_ID}`,
    Status,
    IsDefault: true,
  },
});

/** An SDK service error as the client raises it. */
export function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: 400 } });
}
