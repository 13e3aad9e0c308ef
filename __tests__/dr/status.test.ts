import {
  DescribeInstanceCommand,
  DescribeTrafficDistributionGroupCommand,
  GetTrafficDistributionCommand,
  ListInstancesCommand,
  ListPhoneNumbersV2Command,
} from "@aws-sdk/client-connect";
import { STATUS_CLI, statusMain } from "../../scripts/dr/cli";
import {
  ACCOUNT,
  GROUP_ARN,
  INSTANCE_ALIAS,
  INSTANCE_ID,
  PRIMARY,
  REPLICA,
  REPLICA_ALIAS,
  distribution,
  drConfig,
  group,
  regions,
  run,
  serviceError,
  type Regions,
} from "./support";

const instanceIn = (region: string, alias: string) => ({
  InstanceSummaryList: [
    { Id: "0a1b2c3d-0000-4000-8000-000000000000", InstanceAlias: "another-team" },
    {
      Id: INSTANCE_ID,
      Arn: `arn:aws:connect:${region}:${ACCOUNT}:instance/${INSTANCE_ID}`,
      InstanceAlias: alias,
    },
  ],
});

function healthy(r: Regions): void {
  r.primary.on(ListInstancesCommand).resolves(instanceIn(PRIMARY, INSTANCE_ALIAS));
  r.primary.on(DescribeInstanceCommand).resolves({
    Instance: { Id: INSTANCE_ID, InstanceAlias: INSTANCE_ALIAS, InstanceStatus: "ACTIVE" },
    ReplicationConfiguration: {
      SourceRegion: PRIMARY,
      ReplicationStatusSummaryList: [{ Region: REPLICA, ReplicationStatus: "INSTANCE_REPLICATION_COMPLETE" }],
      GlobalSignInEndpoint: "https://connect-comprehensive-prod.awsapps.com/connect/login",
    },
  });
  r.replica.on(ListInstancesCommand).resolves(instanceIn(REPLICA, REPLICA_ALIAS));
  r.replica.on(DescribeInstanceCommand).resolves({
    Instance: { Id: INSTANCE_ID, InstanceAlias: REPLICA_ALIAS, InstanceStatus: "ACTIVE" },
  });
  for (const client of [r.primary, r.replica]) {
    client.on(DescribeTrafficDistributionGroupCommand).resolves(group("ACTIVE"));
    client.on(GetTrafficDistributionCommand).resolves(distribution([100, 0], [100, 0], [true, true]));
    client.on(ListPhoneNumbersV2Command, { TargetArn: GROUP_ARN }).resolves({
      ListPhoneNumbersSummaryList: [
        { PhoneNumber: "+442079460000", PhoneNumberType: "DID", TargetArn: GROUP_ARN },
        { PhoneNumber: "+448081570000", PhoneNumberType: "TOLL_FREE", TargetArn: GROUP_ARN },
      ],
    });
  }
}

const status = (r: Regions) => run(STATUS_CLI, statusMain(r.deps), []);

describe("npm run dr:status", () => {
  it("shows both instances, the replication, the group, the distribution and the numbers in it", async () => {
    const r = regions();
    healthy(r);

    const result = await status(r);

    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter(Boolean)).toStrictEqual([
      `dr:status prod: primary ${PRIMARY}, replica ${REPLICA}`,
      `primary instance ${INSTANCE_ALIAS} in ${PRIMARY}: ACTIVE, id ${INSTANCE_ID}; replication ${REPLICA}: INSTANCE_REPLICATION_COMPLETE`,
      "  agents sign in at https://connect-comprehensive-prod.awsapps.com/connect/login",
      `replica instance ${REPLICA_ALIAS} in ${REPLICA}: ACTIVE, id ${INSTANCE_ID}`,
      "group connect-comprehensive-prod-default: ACTIVE, default (sign-in can move)",
      `distribution through ${PRIMARY}: telephony ${PRIMARY} 100% · ${REPLICA} 0%; agents ${PRIMARY} 100% · ${REPLICA} 0%; sign-in ${PRIMARY} on · ${REPLICA} on`,
      "numbers claimed to the group: 2 (+442079460000, +448081570000)",
    ]);
  });

  it("still reads the distribution through the replica when the primary Region does not answer", async () => {
    const r = regions();
    healthy(r);
    r.primary.reset();
    r.primary.onAnyCommand().rejects(serviceError("InternalServiceException", "Request processing failed"));

    const result = await status(r);

    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toContain(
      `primary instance ${INSTANCE_ALIAS} in ${PRIMARY}: not readable (InternalServiceException: Request processing failed)`,
    );
    expect(lines).toContain(
      `distribution through ${PRIMARY}: not readable (InternalServiceException: Request processing failed)`,
    );
    expect(lines).toContain(
      `distribution through ${REPLICA}: telephony ${PRIMARY} 100% · ${REPLICA} 0%; agents ${PRIMARY} 100% · ${REPLICA} 0%; sign-in ${PRIMARY} on · ${REPLICA} on`,
    );
    // The group ARN (not its id) is what a call from the replica Region must name.
    expect(r.replica.commandCalls(GetTrafficDistributionCommand)[0]?.args[0].input).toStrictEqual({
      Id: GROUP_ARN,
    });
  });

  it("exits 1 when neither Region gives the distribution", async () => {
    const r = regions();
    for (const client of [r.primary, r.replica])
      client.onAnyCommand().rejects(serviceError("AccessDeniedException", "denied"));
    const result = await status(r);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `distribution through ${REPLICA}: not readable (AccessDeniedException: denied)`,
    );
  });

  it("says there is no replica yet, and what to run, before dr:replicate", async () => {
    const r = regions((env) => (env === "prod" ? drConfig(null) : drConfig()));
    healthy(r);
    r.replica.on(ListInstancesCommand).resolves({ InstanceSummaryList: [] });

    const result = await status(r);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `replica instance ${REPLICA_ALIAS} in ${REPLICA}: none (run npm run dr:replicate)`,
    );
    expect(result.stdout).toContain(
      "traffic distribution group: not in config (dr.trafficDistributionGroupArn); run npm run dr:replicate",
    );
  });
});
