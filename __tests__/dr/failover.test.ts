import {
  DescribeTrafficDistributionGroupCommand,
  GetTrafficDistributionCommand,
  UpdateTrafficDistributionCommand,
} from "@aws-sdk/client-connect";
import { FAILOVER_CLI, failoverMain } from "../../scripts/dr/cli";
import {
  GROUP_ARN,
  PRIMARY,
  REPLICA,
  distribution,
  drConfig,
  group,
  regions,
  run,
  serviceError,
  type Regions,
} from "./support";

const NORMAL = distribution([100, 0], [100, 0], [true, true]);
const FAILED_OVER = distribution([0, 100], [0, 100], [false, true]);

async function failover(r: Regions, ...argv: string[]) {
  return run(FAILOVER_CLI, failoverMain(r.deps), ["--env", "prod", ...argv]);
}

/** London is down: every call to the primary Region fails as an unreachable endpoint would. */
function primaryDown(r: Regions): void {
  r.primary.onAnyCommand().rejects(serviceError("InternalServiceException", "Request processing failed"));
}

describe("npm run dr:failover", () => {
  it("moves calls, agents and sign-in to the replica in one update sent to the replica Region, showing before and after", async () => {
    const r = regions();
    primaryDown(r);
    r.replica.on(GetTrafficDistributionCommand).resolvesOnce(NORMAL).resolves(FAILED_OVER);
    r.replica.on(UpdateTrafficDistributionCommand).resolves({});
    r.replica
      .on(DescribeTrafficDistributionGroupCommand)
      .resolvesOnce(group("UPDATE_IN_PROGRESS"))
      .resolves(group("ACTIVE"));

    const result = await failover(r, "--to", REPLICA, "--percent", "100", "--agents");

    expect(result.code).toBe(0);
    expect(
      r.replica.commandCalls(UpdateTrafficDistributionCommand).map((c) => c.args[0].input),
    ).toStrictEqual([
      {
        Id: GROUP_ARN,
        TelephonyConfig: {
          Distributions: [
            { Region: REPLICA, Percentage: 100 },
            { Region: PRIMARY, Percentage: 0 },
          ],
        },
        AgentConfig: {
          Distributions: [
            { Region: REPLICA, Percentage: 100 },
            { Region: PRIMARY, Percentage: 0 },
          ],
        },
        SignInConfig: {
          Distributions: [
            { Region: REPLICA, Enabled: true },
            { Region: PRIMARY, Enabled: false },
          ],
        },
      },
    ]);
    expect(result.stdout.split("\n")).toEqual(
      expect.arrayContaining([
        `before: telephony ${PRIMARY} 100% · ${REPLICA} 0%; agents ${PRIMARY} 100% · ${REPLICA} 0%; sign-in ${PRIMARY} on · ${REPLICA} on`,
        `after: telephony ${PRIMARY} 0% · ${REPLICA} 100%; agents ${PRIMARY} 0% · ${REPLICA} 100%; sign-in ${PRIMARY} off · ${REPLICA} on`,
        "done",
      ]),
    );
    // It waited for the group to leave UPDATE_IN_PROGRESS before judging the result.
    expect(r.slept()).toBe(5_000);
  });

  it("sends nothing on --dry-run, and says so", async () => {
    const r = regions();
    r.replica.on(GetTrafficDistributionCommand).resolves(NORMAL);

    const result = await failover(r, "--to", REPLICA, "--percent", "30", "--dry-run");

    expect(result.code).toBe(0);
    expect(r.replica.commandCalls(UpdateTrafficDistributionCommand)).toHaveLength(0);
    expect(result.stdout).toContain("dry run: UpdateTrafficDistribution not sent");
  });

  it("exits 1 when the update is refused, and shows the distribution as it stands", async () => {
    const r = regions();
    r.primary.on(GetTrafficDistributionCommand).resolves(NORMAL);
    r.primary
      .on(UpdateTrafficDistributionCommand)
      .rejects(serviceError("InvalidRequestException", "The traffic distribution group is not ACTIVE"));

    const result = await failover(r, "--to", PRIMARY, "--percent", "100", "--agents");

    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines).toContain(
      "failed: UpdateTrafficDistribution refused: InvalidRequestException: The traffic distribution group is not ACTIVE",
    );
    expect(
      lines
        .filter((l) => l.startsWith("before:") || l.startsWith("after:"))
        .map((l) => l.replace(/^\w+: /, "")),
    ).toStrictEqual([
      `telephony ${PRIMARY} 100% · ${REPLICA} 0%; agents ${PRIMARY} 100% · ${REPLICA} 0%; sign-in ${PRIMARY} on · ${REPLICA} on`,
      `telephony ${PRIMARY} 100% · ${REPLICA} 0%; agents ${PRIMARY} 100% · ${REPLICA} 0%; sign-in ${PRIMARY} on · ${REPLICA} on`,
    ]);
  });

  it("exits 3 on a partial update: accepted, but the group moved the calls and not the agents", async () => {
    const r = regions();
    r.replica
      .on(GetTrafficDistributionCommand)
      .resolvesOnce(NORMAL)
      .resolves(distribution([0, 100], [100, 0], [true, true]));
    r.replica.on(UpdateTrafficDistributionCommand).resolves({});
    r.replica.on(DescribeTrafficDistributionGroupCommand).resolves(group("ACTIVE"));

    const result = await failover(r, "--to", REPLICA, "--percent", "100", "--agents");

    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      "partial: the update was accepted, but the group does not report all of it:",
    );
    expect(result.stdout.split("\n").filter((l) => l.startsWith("  "))).toStrictEqual([
      `  agents ${REPLICA}: asked 100%, is 0%`,
      `  agents ${PRIMARY}: asked 0%, is 100%`,
      `  sign-in ${PRIMARY}: asked off, is on`,
    ]);
    expect(result.stdout).toContain(
      `warning: ${REPLICA} takes 100% of calls with 0% of agents: move agents too (--agents)`,
    );
    expect(result.stdout).toContain("send the same command again");
  });

  it("exits 3 when the group is still updating when it stops waiting, listing what is not applied yet", async () => {
    const r = regions();
    r.replica.on(GetTrafficDistributionCommand).resolves(NORMAL);
    r.replica.on(UpdateTrafficDistributionCommand).resolves({});
    r.replica.on(DescribeTrafficDistributionGroupCommand).resolves(group("UPDATE_IN_PROGRESS"));

    const result = await failover(r, "--to", REPLICA, "--percent", "50");

    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`  telephony ${REPLICA}: asked 50%, is 0%`);
    expect(result.stdout).toContain("  traffic distribution group: still UPDATE_IN_PROGRESS after 120 s");
    expect(r.slept()).toBeGreaterThanOrEqual(120_000);
  });

  it("moves calls only without --agents, and leaves agents and sign-in out of the request", async () => {
    const r = regions();
    r.replica
      .on(GetTrafficDistributionCommand)
      .resolvesOnce(NORMAL)
      .resolves(distribution([90, 10], [100, 0], [true, true]));
    r.replica.on(UpdateTrafficDistributionCommand).resolves({});
    r.replica.on(DescribeTrafficDistributionGroupCommand).resolves(group("ACTIVE"));

    const result = await failover(r, "--to", REPLICA, "--percent", "10");

    expect(result.code).toBe(0);
    expect(r.replica.commandCalls(UpdateTrafficDistributionCommand)[0]?.args[0].input).toStrictEqual({
      Id: GROUP_ARN,
      TelephonyConfig: {
        Distributions: [
          { Region: REPLICA, Percentage: 10 },
          { Region: PRIMARY, Percentage: 90 },
        ],
      },
    });
    expect(result.stdout).toContain(`warning: ${REPLICA} takes 10% of calls with 0% of agents`);
  });

  it.each([
    [
      ["--to", REPLICA, "--percent", "55"],
      'dr:failover: --percent "55" must be 0 to 100 in steps of 10 (UpdateTrafficDistribution moves traffic in 10% steps)',
    ],
    [
      ["--to", "us-east-1", "--percent", "100"],
      `dr:failover: --to us-east-1 is not a Region of this instance: ${PRIMARY} or ${REPLICA}`,
    ],
    [["--percent", "100"], `dr:failover: --to is required: ${PRIMARY} or ${REPLICA}`],
    [
      ["--to", REPLICA],
      "dr:failover: --percent is required: the share of calls for --to, 0 to 100 in steps of 10",
    ],
  ])("refuses %j with one line naming the flag (exit 2), calling nothing", async (argv, line) => {
    const r = regions();
    const result = await failover(r, ...argv);
    expect(result).toStrictEqual({ code: 2, stdout: "", stderr: `${line}\n` });
    expect(r.replica.calls()).toHaveLength(0);
    expect(r.primary.calls()).toHaveLength(0);
  });

  it("refuses an environment without DR, and one whose config does not name the group yet", async () => {
    const dev = await run(FAILOVER_CLI, failoverMain(regions().deps), [
      "--env",
      "dev",
      "--to",
      REPLICA,
      "--percent",
      "100",
    ]);
    expect(dev.code).toBe(2);
    expect(dev.stderr).toMatch(
      /^dr:failover: dev has disaster recovery off: set dr.enabled and dr.replicaRegion/,
    );

    const noGroup = regions(() => drConfig(null));
    const result = await failover(noGroup, "--to", REPLICA, "--percent", "100");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^dr:failover: dr.trafficDistributionGroupArn is not set for prod: run npm run dr:replicate/,
    );
  });
});
