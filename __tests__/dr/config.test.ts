import { ConfigError, loadConfig } from "../../config/load";

const GROUP =
  "arn:aws:connect:eu-west-2:111122223333:traffic-distribution-group/7a2e4c91-0b3d-4f58-a6e7-19c8d5b2f340";

/** The config's one-line-per-field message, or "" when it loads. */
function problems(env: string, overrides: unknown): string {
  try {
    loadConfig({ env, overrides });
    return "";
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

describe("config dr", () => {
  it("is off by default, in every environment", () => {
    expect(loadConfig({ env: "dev" }).dr).toStrictEqual({
      enabled: false,
      residency: { callRecordings: "replicate", chatTranscripts: "replicate" },
    });
    expect(loadConfig({ env: "prod" }).dr.enabled).toBe(false);
  });

  it("accepts prod in London replicating to Frankfurt, the pair Connect Global Resiliency allows", () => {
    expect(
      problems("prod", {
        dr: { enabled: true, replicaRegion: "eu-central-1", trafficDistributionGroupArn: GROUP },
      }),
    ).toBe("");
  });

  it.each([
    [
      "a Region outside the pair",
      "prod",
      { dr: { enabled: true, replicaRegion: "eu-west-1" } },
      "dr.replicaRegion: eu-west-1 is not allowed: an instance in eu-west-2 replicates only to eu-central-1 (Connect Global Resiliency pairs)",
    ],
    [
      "no replica Region",
      "prod",
      { dr: { enabled: true } },
      "dr.replicaRegion: not set: an instance in eu-west-2 replicates only to eu-central-1 (Connect Global Resiliency pairs)",
    ],
    [
      "a primary Region Global Resiliency does not serve",
      "prod",
      { region: "eu-west-1", dr: { enabled: true, replicaRegion: "eu-central-1" } },
      "dr.enabled: Connect Global Resiliency has no replica Region for eu-west-1",
    ],
    [
      "DR outside production",
      "dev",
      { dr: { enabled: true, replicaRegion: "eu-central-1" } },
      "dr.enabled: disaster recovery is for production",
    ],
    [
      "a group in the replica Region",
      "prod",
      {
        dr: {
          enabled: true,
          replicaRegion: "eu-central-1",
          trafficDistributionGroupArn: GROUP.replace("eu-west-2", "eu-central-1"),
        },
      },
      "dr.trafficDistributionGroupArn: the group is in eu-central-1: a traffic distribution group lives in the source Region (eu-west-2)",
    ],
    [
      "a group while DR is off",
      "prod",
      { dr: { trafficDistributionGroupArn: GROUP } },
      "dr.trafficDistributionGroupArn: numbers move into a traffic distribution group only with dr.enabled",
    ],
    [
      "something that is not a group ARN",
      "prod",
      { dr: { enabled: true, replicaRegion: "eu-central-1", trafficDistributionGroupArn: "tdg-123" } },
      "dr.trafficDistributionGroupArn: expected a traffic distribution group ARN",
    ],
    [
      "a residency that is neither",
      "prod",
      { dr: { residency: { callRecordings: "eu-only" } } },
      "dr.residency.callRecordings: expected replicate or primary-only",
    ],
  ])("refuses %s, naming the field", (_what, env, overrides, message) => {
    expect(problems(env, overrides)).toContain(message);
  });
});
