/**
 * `npm run dr:status`: where the instance, its replica, the traffic distribution group, the
 * distribution and the numbers stand. Each Region is asked on its own, so an outage of one still
 * shows the other. Exit 0 when the distribution was read (from either Region), 1 when it was not.
 */
import type { CliOutput } from "../support/cli-args";
import {
  describeError,
  describeGroup,
  describeInstance,
  findInstance,
  getDistribution,
  numbersOf,
  type ConnectClients,
} from "./connect";
import { callsWithoutAgents, formatView, viewOf, type RegionPair } from "./distribution";
import type { DrTarget } from "./target";

export interface StatusInput {
  readonly target: DrTarget;
  readonly connect: ConnectClients;
}

/** The answer, or the error as one line: status reports what it could read and goes on. */
async function attempt<T>(call: () => Promise<T>): Promise<{ ok: T } | { error: string }> {
  try {
    return { ok: await call() };
  } catch (error) {
    return { error: describeError(error) };
  }
}

export async function runStatus({ target, connect }: StatusInput, out: CliOutput): Promise<number> {
  const say = (line: string) => out.stdout(`${line}\n`);
  const pair: RegionPair = { primary: target.primaryRegion, replica: target.replicaRegion };
  say(`dr:status ${target.env}: primary ${pair.primary}, replica ${pair.replica}`);

  const instances: Array<{ region: string; alias: string; role: string }> = [
    { region: pair.primary, alias: target.instanceAlias, role: "primary" },
    { region: pair.replica, alias: target.replicaAlias, role: "replica" },
  ];
  for (const { region, alias, role } of instances) {
    const found = await attempt(async () => {
      const summary = await findInstance(connect(region), alias);
      if (!summary?.Id) return undefined;
      return describeInstance(connect(region), summary.Id);
    });
    if ("error" in found) {
      say(`${role} instance ${alias} in ${region}: not readable (${found.error})`);
      continue;
    }
    if (found.ok === undefined) {
      say(
        `${role} instance ${alias} in ${region}: none${role === "replica" ? " (run npm run dr:replicate)" : ""}`,
      );
      continue;
    }
    const { Instance: instance, ReplicationConfiguration: replication } = found.ok;
    const replicas = (replication?.ReplicationStatusSummaryList ?? [])
      .map(
        (s) =>
          `${s.Region}: ${s.ReplicationStatus}${s.ReplicationStatusReason ? ` (${s.ReplicationStatusReason})` : ""}`,
      )
      .join(", ");
    say(
      `${role} instance ${alias} in ${region}: ${instance?.InstanceStatus ?? "unknown"}, id ${instance?.Id ?? "?"}${replicas ? `; replication ${replicas}` : ""}`,
    );
    // Where agents sign in once the instance is replicated: it follows the sign-in distribution.
    if (replication?.GlobalSignInEndpoint) say(`  agents sign in at ${replication.GlobalSignInEndpoint}`);
  }

  const groupArn = target.trafficDistributionGroupArn;
  if (groupArn === undefined) {
    say(
      "traffic distribution group: not in config (dr.trafficDistributionGroupArn); run npm run dr:replicate",
    );
    return 1;
  }
  let read = false;
  for (const region of [pair.primary, pair.replica]) {
    const client = connect(region);
    const group = await attempt(() => describeGroup(client, groupArn));
    const distribution = await attempt(() => getDistribution(client, groupArn));
    if ("error" in distribution) {
      say(`distribution through ${region}: not readable (${distribution.error})`);
      continue;
    }
    if ("ok" in group) {
      say(
        `group ${group.ok.Name ?? groupArn}: ${group.ok.Status ?? "unknown"}${group.ok.IsDefault ? ", default (sign-in can move)" : ", not default (sign-in cannot move)"}`,
      );
    }
    const view = viewOf(distribution.ok);
    say(`distribution through ${region}: ${formatView(view, pair)}`);
    for (const warning of callsWithoutAgents(view)) say(`warning: ${warning}`);
    const numbers = await attempt(() => numbersOf(client, groupArn));
    say(
      "ok" in numbers
        ? `numbers claimed to the group: ${numbers.ok.length}${numbers.ok.length > 0 ? ` (${numbers.ok.map((n) => n.PhoneNumber).join(", ")})` : " (deploy with dr.trafficDistributionGroupArn set to move them)"}`
        : `numbers claimed to the group: not readable (${numbers.error})`,
    );
    read = true;
    break;
  }
  return read ? 0 : 1;
}
