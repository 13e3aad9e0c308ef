import {
  DescribeInstanceCommand,
  ListInstancesCommand,
  ListTrafficDistributionGroupsCommand,
  ReplicateInstanceCommand,
  type ReplicationStatusSummary,
} from "@aws-sdk/client-connect";
import {
  CreateBotReplicaCommand,
  ListBotReplicasCommand,
  ListBotsCommand,
  type BotReplicaStatus,
} from "@aws-sdk/client-lex-models-v2";
import { REPLICATE_CLI, replicateMain } from "../../scripts/dr/cli";
import {
  ACCOUNT,
  GROUP_ARN,
  GROUP_ID,
  INSTANCE_ALIAS,
  INSTANCE_ID,
  PRIMARY,
  REPLICA,
  REPLICA_ALIAS,
  drConfig,
  regions,
  run,
  type Regions,
} from "./support";

const INSTANCE_ARN = `arn:aws:connect:${PRIMARY}:${ACCOUNT}:instance/${INSTANCE_ID}`;

/** DescribeInstance of the primary with the replication it reports (none before ReplicateInstance). */
const primaryWith = (...summaries: ReplicationStatusSummary[]) => ({
  Instance: {
    Id: INSTANCE_ID,
    Arn: INSTANCE_ARN,
    InstanceAlias: INSTANCE_ALIAS,
    InstanceStatus: "ACTIVE" as const,
  },
  ...(summaries.length > 0
    ? { ReplicationConfiguration: { SourceRegion: PRIMARY, ReplicationStatusSummaryList: summaries } }
    : {}),
});
const toReplica = (ReplicationStatus: ReplicationStatusSummary["ReplicationStatus"], reason?: string) => ({
  Region: REPLICA,
  ReplicationStatus,
  ...(reason ? { ReplicationStatusReason: reason } : {}),
});
const DEFAULT_GROUP = {
  TrafficDistributionGroupSummaryList: [
    {
      Id: GROUP_ID,
      Arn: GROUP_ARN,
      Name: "default",
      InstanceArn: INSTANCE_ARN,
      Status: "ACTIVE" as const,
      IsDefault: true,
    },
  ],
};

/** The instance as it stands after an earlier, completed run: replicated, the replica ACTIVE. */
function alreadyReplicated(r: Regions): void {
  primaryInstance(r);
  r.primary.on(DescribeInstanceCommand).resolves(primaryWith(toReplica("INSTANCE_REPLICATION_COMPLETE")));
  r.replica.on(DescribeInstanceCommand).resolves({ Instance: { Id: INSTANCE_ID, InstanceStatus: "ACTIVE" } });
}

function primaryInstance(r: Regions): void {
  r.primary.on(ListInstancesCommand).resolves({
    InstanceSummaryList: [
      { Id: INSTANCE_ID, Arn: INSTANCE_ARN, InstanceAlias: INSTANCE_ALIAS, InstanceStatus: "ACTIVE" },
    ],
  });
}

const BOTS = {
  "connect-comprehensive-bot": "GATEWAY001",
  "connect-comprehensive-banking-bot": "BANKING001",
  "connect-comprehensive-sales-bot": "SALES00001",
};

/** The stack's three bots, each with a replica in the replica Region in the given states (none: no replica). */
function bots(r: Regions, ...states: Array<BotReplicaStatus | undefined>): void {
  for (const [botName, botId] of Object.entries(BOTS)) {
    r.lex
      .on(ListBotsCommand, { filters: [{ name: "BotName", values: [botName], operator: "EQ" }] })
      .resolves({
        botSummaries: [{ botId, botName, botStatus: "Available" }],
      });
    let replies = r.lex.on(ListBotReplicasCommand, { botId });
    for (const status of states) {
      const summaries = status ? [{ replicaRegion: REPLICA, botReplicaStatus: status }] : [];
      replies = replies.resolvesOnce({ botId, sourceRegion: PRIMARY, botReplicaSummaries: summaries });
    }
    const last = states.at(-1);
    replies.resolves({
      botId,
      sourceRegion: PRIMARY,
      botReplicaSummaries: last ? [{ replicaRegion: REPLICA, botReplicaStatus: last }] : [],
    });
  }
  r.lex.on(CreateBotReplicaCommand).resolves({ replicaRegion: REPLICA, botReplicaStatus: "Enabling" });
}

const replicate = (r: Regions, ...argv: string[]) => run(REPLICATE_CLI, replicateMain(r.deps), argv);

describe("npm run dr:replicate", () => {
  it("replicates once, waits for the replica to be ACTIVE, and prints the default group's ARN for config", async () => {
    const r = regions(() => drConfig(null));
    primaryInstance(r);
    r.primary
      .on(DescribeInstanceCommand)
      .resolvesOnce(primaryWith())
      .resolvesOnce(primaryWith(toReplica("INSTANCE_REPLICATION_IN_PROGRESS")))
      .resolves(primaryWith(toReplica("INSTANCE_REPLICATION_COMPLETE")));
    r.primary
      .on(ReplicateInstanceCommand)
      .resolves({ Id: INSTANCE_ID, Arn: `arn:aws:connect:${REPLICA}:${ACCOUNT}:instance/${INSTANCE_ID}` });
    r.replica
      .on(DescribeInstanceCommand, { InstanceId: INSTANCE_ID })
      .resolvesOnce({ Instance: { Id: INSTANCE_ID, InstanceStatus: "CREATION_IN_PROGRESS" } })
      .resolves({ Instance: { Id: INSTANCE_ID, InstanceStatus: "ACTIVE" } });
    r.primary
      .on(ListTrafficDistributionGroupsCommand, { InstanceId: INSTANCE_ID })
      .resolvesOnce({ TrafficDistributionGroupSummaryList: [] })
      .resolves(DEFAULT_GROUP);
    // No replica, then Enabling once, then Enabled.
    bots(r, undefined, "Enabling", "Enabled");

    const result = await replicate(r);

    expect(result.code).toBe(0);
    expect(r.primary.commandCalls(ReplicateInstanceCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        InstanceId: INSTANCE_ID,
        ReplicaRegion: REPLICA,
        ReplicaAlias: REPLICA_ALIAS,
        ClientToken: `replicate-${INSTANCE_ID}-${REPLICA}`,
      },
    ]);
    expect(result.stdout).toContain(`replica instance in ${REPLICA}: ACTIVE`);
    expect(result.stdout).toContain(
      `next: set dr.trafficDistributionGroupArn: "${GROUP_ARN}" in config/environments/prod.ts and deploy;`,
    );
    // Every bot replicated once, its id kept (the replicated flows name bots by id).
    expect(r.lex.commandCalls(CreateBotReplicaCommand).map((c) => c.args[0].input)).toStrictEqual(
      Object.values(BOTS).map((botId) => ({ botId, replicaRegion: REPLICA })),
    );
    // Waited through IN_PROGRESS, the replica's CREATION_IN_PROGRESS, each bot's Enabling and the
    // group's first absence.
    expect(r.slept()).toBe(6 * 30_000);
  });

  it("does not call ReplicateInstance again when the replica exists, and accepts the group config already names", async () => {
    const r = regions(() => drConfig());
    alreadyReplicated(r);
    r.primary.on(ListTrafficDistributionGroupsCommand).resolves(DEFAULT_GROUP);
    bots(r, "Enabled");

    const result = await replicate(r);

    expect(result.code).toBe(0);
    expect(r.primary.commandCalls(ReplicateInstanceCommand)).toHaveLength(0);
    expect(r.lex.commandCalls(CreateBotReplicaCommand)).toHaveLength(0);
    expect(result.stdout).toContain(
      "replication to eu-central-1: INSTANCE_REPLICATION_COMPLETE (ReplicateInstance not called again)",
    );
    expect(result.stdout).toContain(
      `config already names it: dr.trafficDistributionGroupArn = "${GROUP_ARN}"`,
    );
  });

  it("exits 1 with AWS's reason when the replication failed, without trying again", async () => {
    const r = regions(() => drConfig(null));
    primaryInstance(r);
    r.primary
      .on(DescribeInstanceCommand)
      .resolves(primaryWith(toReplica("INSTANCE_REPLICATION_FAILED", "Replica alias already in use")));

    const result = await replicate(r);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "failed: replication to eu-central-1 failed: Replica alias already in use",
    );
    expect(r.primary.commandCalls(ReplicateInstanceCommand)).toHaveLength(0);
  });

  it("stops waiting after --wait-minutes and says a rerun resumes", async () => {
    const r = regions(() => drConfig(null));
    primaryInstance(r);
    r.primary
      .on(DescribeInstanceCommand)
      .resolves(primaryWith(toReplica("INSTANCE_REPLICATION_IN_PROGRESS")));

    const result = await replicate(r, "--wait-minutes", "2");

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "failed: replication to eu-central-1: still INSTANCE_REPLICATION_IN_PROGRESS after 120 s; rerun the command: it resumes the wait without replicating again",
    );
  });

  it("changes nothing on --dry-run", async () => {
    const r = regions(() => drConfig(null));
    primaryInstance(r);
    r.primary.on(DescribeInstanceCommand).resolves(primaryWith());
    bots(r, undefined);

    const result = await replicate(r, "--dry-run");

    expect(result.code).toBe(0);
    expect(r.primary.commandCalls(ReplicateInstanceCommand)).toHaveLength(0);
    expect(r.lex.commandCalls(CreateBotReplicaCommand)).toHaveLength(0);
    expect(result.stdout).toContain(
      `dry run: would call CreateBotReplica for connect-comprehensive-banking-bot (BANKING001) in ${REPLICA}`,
    );
    expect(result.stdout).toContain(
      `dry run: would call ReplicateInstance (${REPLICA}, alias ${REPLICA_ALIAS})`,
    );
  });

  it("exits 1 when config names another group than the replica's default one", async () => {
    const other = `arn:aws:connect:${PRIMARY}:${ACCOUNT}:traffic-distribution-group/00000000-1111-4222-8333-444444444444`;
    const r = regions(() => drConfig(other));
    alreadyReplicated(r);
    r.primary.on(ListTrafficDistributionGroupsCommand).resolves(DEFAULT_GROUP);

    bots(r, "Enabled");

    const result = await replicate(r);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `failed: config names ${other}, but the replica's default group is ${GROUP_ARN}`,
    );
  });

  it("exits 1 with Lex's reasons when a bot's replica failed, before reading the group", async () => {
    const r = regions(() => drConfig(null));
    alreadyReplicated(r);
    bots(r, "Enabled");
    r.lex.on(ListBotReplicasCommand, { botId: "BANKING001" }).resolves({
      botId: "BANKING001",
      botReplicaSummaries: [
        {
          replicaRegion: REPLICA,
          botReplicaStatus: "Failed",
          failureReasons: ["Global Resiliency is not enabled for this account"],
        },
      ],
    });

    const result = await replicate(r);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `failed: bot connect-comprehensive-banking-bot (BANKING001): its replica in ${REPLICA} failed: Global Resiliency is not enabled for this account`,
    );
    expect(r.primary.commandCalls(ListTrafficDistributionGroupsCommand)).toHaveLength(0);
  });

  it("exits 1 when the primary instance is not deployed", async () => {
    const r = regions(() => drConfig(null));
    r.primary.on(ListInstancesCommand).resolves({ InstanceSummaryList: [] });
    const result = await replicate(r);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `failed: no instance with alias ${INSTANCE_ALIAS} in ${PRIMARY} (deploy the stack first)`,
    );
  });
});
