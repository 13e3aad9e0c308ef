/**
 * `npm run dr:replicate`: create the replica instance with ReplicateInstance (no Terraform resource
 * does), wait until it is ACTIVE, replicate the Lex bots (Lex Global Resiliency: same bot and alias
 * ids, scripts/dr/bots.ts), and read the default traffic distribution group AWS creates with it. Idempotent: it asks DescribeInstance first and calls ReplicateInstance only when the primary
 * reports no replication to the replica Region; a rerun after a timeout resumes the wait.
 *
 * It never creates a traffic distribution group: the default one is the only group whose sign-in
 * distribution can move (UpdateTrafficDistribution SignInConfig), so a second group could carry
 * calls but not agents.
 *
 * Exit 0: the replica is ACTIVE and the group is known (its ARN printed for config); 1: replication
 * failed, timed out, or the group is missing; 2: usage.
 */
import { ReplicateInstanceCommand, type TrafficDistributionGroupSummary } from "@aws-sdk/client-connect";
import type { CliOutput } from "../support/cli-args";
import { replicateBots, type LexClients } from "./bots";
import {
  describeInstance,
  findInstance,
  listGroups,
  waitFor,
  type Clock,
  type ConnectClients,
} from "./connect";
import type { DrTarget } from "./target";

export interface ReplicateInput {
  readonly target: DrTarget;
  readonly connect: ConnectClients;
  readonly lex: LexClients;
  readonly clock: Clock;
  /** Report what would be done; call nothing that changes anything. */
  readonly dryRun: boolean;
  /** How long replication may take. @default 60 minutes */
  readonly timeoutMs?: number;
  /** Poll interval. @default 30 s */
  readonly everyMs?: number;
}

export async function runReplicate(input: ReplicateInput, out: CliOutput): Promise<number> {
  const { target, connect, clock } = input;
  const say = (line: string) => out.stdout(`${line}\n`);
  const primary = connect(target.primaryRegion);
  const wait = { everyMs: input.everyMs ?? 30_000, timeoutMs: input.timeoutMs ?? 60 * 60_000 };

  const instance = await findInstance(primary, target.instanceAlias);
  if (!instance?.Id || !instance.Arn) {
    say(
      `failed: no instance with alias ${target.instanceAlias} in ${target.primaryRegion} (deploy the stack first)`,
    );
    return 1;
  }
  const instanceId = instance.Id;
  say(`instance ${target.instanceAlias} (${instanceId}) in ${target.primaryRegion}`);

  const replicationTo = async () =>
    (
      await describeInstance(primary, instanceId)
    ).ReplicationConfiguration?.ReplicationStatusSummaryList?.find((s) => s.Region === target.replicaRegion);
  const existing = await replicationTo();
  if (existing?.ReplicationStatus === "INSTANCE_REPLICATION_FAILED") {
    say(
      `failed: replication to ${target.replicaRegion} failed: ${existing.ReplicationStatusReason ?? "no reason given"} (see docs/disaster-recovery.md, "When ReplicateInstance fails")`,
    );
    return 1;
  }
  if (existing) {
    say(
      `replication to ${target.replicaRegion}: ${existing.ReplicationStatus} (ReplicateInstance not called again)`,
    );
  } else if (input.dryRun) {
    say(
      `dry run: would call ReplicateInstance (${target.replicaRegion}, alias ${target.replicaAlias}), wait for ACTIVE, then read the default traffic distribution group`,
    );
  } else {
    const created = await primary.send(
      new ReplicateInstanceCommand({
        InstanceId: instanceId,
        ReplicaRegion: target.replicaRegion,
        ReplicaAlias: target.replicaAlias,
        // The same token for the same replica: a retried call cannot start a second replication.
        ClientToken: `replicate-${instanceId}-${target.replicaRegion}`,
      }),
    );
    say(
      `ReplicateInstance: replica ${created.Arn ?? created.Id ?? instanceId} (alias ${target.replicaAlias}) being created`,
    );
  }
  const bots = (dryRun: boolean) =>
    replicateBots({
      client: input.lex(target.primaryRegion),
      botNames: target.botNames,
      replicaRegion: target.replicaRegion,
      clock,
      dryRun,
      wait,
      say,
    });
  if (input.dryRun) {
    await bots(true);
    say("dry run: nothing else called");
    return 0;
  }

  try {
    await waitFor(
      clock,
      `replication to ${target.replicaRegion}`,
      async () => {
        const summary = await replicationTo();
        if (summary?.ReplicationStatus === "INSTANCE_REPLICATION_FAILED") {
          throw new Error(
            `replication to ${target.replicaRegion} failed: ${summary.ReplicationStatusReason ?? "no reason given"}`,
          );
        }
        if (summary?.ReplicationStatus !== "INSTANCE_REPLICATION_COMPLETE") {
          return { waiting: summary?.ReplicationStatus ?? "not reported" };
        }
        // The replica has the primary's instance id (Connect administrator guide).
        const replica = await describeInstance(connect(target.replicaRegion), instanceId);
        const status = replica.Instance?.InstanceStatus;
        return status === "ACTIVE" ? { done: true } : { waiting: `replica ${status ?? "not reported"}` };
      },
      wait,
    );
  } catch (error) {
    say(
      `failed: ${(error as Error).message}; rerun the command: it resumes the wait without replicating again`,
    );
    return 1;
  }
  say(`replica instance in ${target.replicaRegion}: ACTIVE`);
  if (!(await bots(false))) return 1;

  let group: TrafficDistributionGroupSummary;
  try {
    group = await waitFor<TrafficDistributionGroupSummary>(
      clock,
      "default traffic distribution group",
      async () => {
        const found = (await listGroups(primary, instanceId)).find((g) => g.IsDefault);
        if (!found) return { waiting: "not listed yet" };
        return found.Status === "ACTIVE" ? { done: found } : { waiting: found.Status ?? "unknown" };
      },
      wait,
    );
  } catch (error) {
    say(
      `failed: ${(error as Error).message}; AWS creates it with the replica: rerun the command, and ask AWS support if it never appears`,
    );
    return 1;
  }
  say(`default traffic distribution group: ${group.Name ?? group.Id} ACTIVE`);
  if (target.trafficDistributionGroupArn === group.Arn) {
    say(`config already names it: dr.trafficDistributionGroupArn = "${group.Arn}"`);
    return 0;
  }
  if (target.trafficDistributionGroupArn !== undefined) {
    say(
      `failed: config names ${target.trafficDistributionGroupArn}, but the replica's default group is ${group.Arn}: correct dr.trafficDistributionGroupArn`,
    );
    return 1;
  }
  say(
    `next: set dr.trafficDistributionGroupArn: "${group.Arn}" in config/environments/${target.env}.ts and deploy;`,
  );
  say(
    "      the replica instance is then associated with its Lambda and bots, and the numbers move into the group in place",
  );
  return 0;
}
