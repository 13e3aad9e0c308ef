import { ConfigError, loadConfig } from "../../config/load";

const GROUP =
  "arn:aws:connect:eu-west-2:111122223333:traffic-distribution-group/7a2e4c91-0b3d-4f58-a6e7-19c8d5b2f340";

const DR_ON = { enabled: true, replicaRegion: "eu-central-1" } as const;
const API = { domainName: "api.contact.bank.example", hostedZoneId: "Z0123456789ABCDEFGHIJ" } as const;

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
    [
      "an API domain that is no host name",
      "prod",
      { dr: { ...DR_ON, api: { ...API, domainName: "https://api.contact.bank.example" } } },
      "dr.api.domainName: expected a lower-case DNS host name such as api.contact.bank.example",
    ],
    [
      "a hosted zone id with the console's /hostedzone/ prefix",
      "prod",
      { dr: { ...DR_ON, api: { ...API, hostedZoneId: "/hostedzone/Z0123456789ABCDEFGHIJ" } } },
      "dr.api.hostedZoneId: expected a Route 53 hosted zone id",
    ],
    [
      "an API domain without its hosted zone",
      "prod",
      { dr: { ...DR_ON, api: { domainName: API.domainName } } },
      "dr.api.hostedZoneId:",
    ],
    [
      "an unknown key in dr.api",
      "prod",
      {
        dr: { ...DR_ON, api: { ...API, certificateArn: "arn:aws:acm:eu-west-2:111122223333:certificate/x" } },
      },
      "dr.api.certificateArn: unknown setting",
    ],
    [
      "the CCP page's host name for the API",
      "prod",
      { dr: { ...DR_ON, api: { ...API, domainName: "ccp.contact-centre.bank.example" } } },
      "dr.api.domainName: ccp.contact-centre.bank.example is the CCP page's host name (ccp.domainName): give the API a host name of its own",
    ],
    [
      "an API failover domain while DR is off",
      "prod",
      { dr: { api: API } },
      "dr.api: the API's failover domain needs a replica Region to fail over to: set dr.enabled true, or remove dr.api",
    ],
  ])("refuses %s, naming the field", (_what, env, overrides, message) => {
    expect(problems(env, overrides)).toContain(message);
  });

  it("accepts the API's failover domain with DR on, and leaves it unset by default (the API stays in the primary Region)", () => {
    expect(problems("prod", { dr: { ...DR_ON, api: API } })).toBe("");
    expect(loadConfig({ env: "prod", overrides: { dr: DR_ON } }).dr.api).toBeUndefined();
  });
});
