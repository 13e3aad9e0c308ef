/**
 * `npm run dr:failover`: move calls (and with --agents, agents and sign-in) between the primary and
 * the replica with one UpdateTrafficDistribution, showing the distribution before and after.
 *
 * Exit 0: the group reports what was asked; 1: the update was refused or failed (the distribution
 * is shown as it stands); 2: usage; 3: partial: the update was accepted but the group reports
 * part of it not applied (each difference is listed; sending the same command again is safe).
 */
import { UpdateTrafficDistributionCommand } from "@aws-sdk/client-connect";
import type { CliOutput } from "../support/cli-args";
import {
  describeError,
  describeGroup,
  getDistribution,
  waitFor,
  type Clock,
  type ConnectClients,
} from "./connect";
import {
  callsWithoutAgents,
  differences,
  failoverRequest,
  formatView,
  viewOf,
  type FailoverChoice,
  type RegionPair,
} from "./distribution";

export const FAILOVER_PARTIAL_EXIT = 3;

export interface FailoverInput {
  readonly pair: RegionPair;
  readonly groupArn: string;
  readonly choice: FailoverChoice;
  readonly dryRun: boolean;
  readonly connect: ConnectClients;
  readonly clock: Clock;
  /** How long the group may stay UPDATE_IN_PROGRESS before the result is read anyway. @default 120 s */
  readonly settleTimeoutMs?: number;
}

export async function runFailover(input: FailoverInput, out: CliOutput): Promise<number> {
  const { pair, groupArn, choice } = input;
  // Sent to the Region traffic moves to: during an outage the other one may not answer. From the
  // replica Region the group must be named by its ARN, which is what config holds.
  const client = input.connect(choice.to);
  const say = (line: string) => out.stdout(`${line}\n`);
  const readView = async () => viewOf(await getDistribution(client, groupArn));

  say(`dr:failover: group ${groupArn}, through ${choice.to}`);
  const before = await readView();
  say(`before: ${formatView(before, pair)}`);
  const request = failoverRequest(groupArn, pair, choice);
  say(
    `asking: ${choice.to} ${choice.percent}% of calls${choice.agents ? " and agents, sign-in kept where agents remain" : " (agents and sign-in unchanged)"}`,
  );
  if (input.dryRun) {
    say("dry run: UpdateTrafficDistribution not sent");
    return 0;
  }

  try {
    await client.send(new UpdateTrafficDistributionCommand(request));
  } catch (error) {
    say(`failed: UpdateTrafficDistribution refused: ${describeError(error)}`);
    try {
      say(`after: ${formatView(await readView(), pair)}`);
    } catch (readError) {
      say(`after: not readable (${describeError(readError)})`);
    }
    return 1;
  }

  // The group applies the change asynchronously (UPDATE_IN_PROGRESS) before it reports it.
  let settled = "";
  try {
    await waitFor(
      input.clock,
      "traffic distribution group",
      async () => {
        const status = (await describeGroup(client, groupArn)).Status ?? "unknown";
        return status === "ACTIVE" ? { done: true } : { waiting: status };
      },
      { everyMs: 5_000, timeoutMs: input.settleTimeoutMs ?? 120_000 },
    );
  } catch (error) {
    settled = (error as Error).message;
  }
  const after = await readView();
  say(`after: ${formatView(after, pair)}`);
  for (const warning of callsWithoutAgents(after)) say(`warning: ${warning}`);
  const missing = differences(request, after);
  if (missing.length > 0 || settled) {
    say(`partial: the update was accepted, but the group does not report all of it:`);
    for (const line of missing) say(`  ${line}`);
    if (settled) say(`  ${settled}`);
    say("send the same command again: it states the whole distribution, so a repeat only completes it");
    return FAILOVER_PARTIAL_EXIT;
  }
  say("done");
  return 0;
}
