import { z } from "zod";
import { awsRegion } from "./common";

/**
 * Amazon Connect Global Resiliency: where a replica of an instance may be created. A source in
 * London replicates only to Frankfurt and back; Tokyo replicates to Osaka (one way). Nothing else.
 */
export const GLOBAL_RESILIENCY_PAIRS: Readonly<Record<string, string>> = {
  "eu-west-2": "eu-central-1",
  "eu-central-1": "eu-west-2",
  "us-east-1": "us-west-2",
  "us-west-2": "us-east-1",
  "ap-northeast-1": "ap-northeast-3",
};

/** Where a data set of customer content lives: copied to the replica Region, or kept in the primary. */
const residency = z.enum(["replicate", "primary-only"], { error: "expected replicate or primary-only" });

/** A lower-case DNS host name with at least two labels (as `ccp.domainName`). */
const DNS_HOST_NAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A Route 53 hosted zone id as the console and `list-hosted-zones` show it, without `/hostedzone/`. */
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/**
 * The companion/CRM API's failover domain (docs/disaster-recovery.md, "The companion/CRM API"):
 * the API in both Regions behind one host name whose Route 53 failover records follow London's
 * health. Without it the API stays in the primary Region only (its execute-api URL).
 */
const drApiSchema = z
  .object({
    /** Host name the CCP page and the companion app call, e.g. `api.contact.bank.example`. */
    domainName: z
      .string()
      .regex(DNS_HOST_NAME, "expected a lower-case DNS host name such as api.contact.bank.example"),
    /**
     * Public Route 53 hosted zone holding `domainName` (the certificates' validation records and
     * the failover records are written there), e.g. `Z0123456789ABCDEFGHIJ`.
     */
    hostedZoneId: z
      .string()
      .regex(
        HOSTED_ZONE_ID,
        "expected a Route 53 hosted zone id: Z and upper-case letters or digits, e.g. Z0123456789ABCDEFGHIJ (no /hostedzone/ prefix)",
      ),
  })
  .strict();

/** ARN of a traffic distribution group (ListTrafficDistributionGroups). */
export const TRAFFIC_DISTRIBUTION_GROUP_ARN =
  /^arn:aws:connect:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):traffic-distribution-group\/([0-9a-f-]{36})$/;

/**
 * Disaster recovery with Connect Global Resiliency (docs/disaster-recovery.md). Production only,
 * off by default. Turning it on adds the replica Region's resources to the same stack; setting the
 * traffic distribution group (after `npm run dr:replicate`) associates the replica instance and
 * moves the numbers into the group.
 */
export const drSchema = z
  .object({
    /** Synthesize the replica Region (production only). */
    enabled: z.boolean().default(false),
    /** Region of the replica: the other Region of the primary's Global Resiliency pair. @default - none; required when enabled */
    replicaRegion: awsRegion.optional(),
    /**
     * Alias of the replica instance (ReplicateInstance's ReplicaAlias, unique like any alias).
     * @default `<connect.instanceAlias>-replica`
     */
    replicaAlias: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,43}[a-z0-9]$/,
        "expected lower-case letters, digits and -, 2 to 45 characters, as Connect aliases are",
      )
      .optional(),
    /**
     * The replica's default traffic distribution group, as `npm run dr:replicate` prints it. Set
     * once the replica is ACTIVE: the replica instance is then associated with the replica's
     * Lambda and bots, and the phone numbers are claimed to the group (an in-place update).
     * @default - none: the replica Region's resources exist, the numbers stay on the instance
     */
    trafficDistributionGroupArn: z
      .string()
      .regex(
        TRAFFIC_DISTRIBUTION_GROUP_ARN,
        "expected a traffic distribution group ARN (arn:aws:connect:<region>:<account>:traffic-distribution-group/<id>)",
      )
      .optional(),
    /** Which customer content is copied to the replica Region (UK GDPR transfers: decide per data set). */
    residency: z
      .object({
        /** Call recordings (the recordings bucket's `call-recordings/` prefix). */
        callRecordings: residency.default("replicate"),
        /** Chat transcripts (`chat-transcripts/`). */
        chatTranscripts: residency.default("replicate"),
      })
      .strict()
      .prefault({}),
    /**
     * The companion/CRM API in the replica Region too, behind the bank's failover domain.
     * @default - none: the API serves from the primary Region only, at its execute-api URL
     */
    api: drApiSchema.optional(),
  })
  .strict();

type DrSettings = z.output<typeof drSchema>;

/** What a whole config says wrong about DR: one issue per bad field, for the schema's superRefine. */
export function drIssues(config: {
  readonly environment: string;
  readonly region: string;
  readonly dr: DrSettings;
  readonly ccp: { readonly domainName?: string | undefined };
}): Array<{ path: string[]; message: string }> {
  const { dr, region } = config;
  const issues: Array<{ path: string[]; message: string }> = [];
  if (!dr.enabled) {
    if (dr.trafficDistributionGroupArn !== undefined) {
      issues.push({
        path: ["dr", "trafficDistributionGroupArn"],
        message: "numbers move into a traffic distribution group only with dr.enabled: set dr.enabled true",
      });
    }
    if (dr.api !== undefined) {
      issues.push({
        path: ["dr", "api"],
        message:
          "the API's failover domain needs a replica Region to fail over to: set dr.enabled true, or remove dr.api",
      });
    }
    return issues;
  }
  if (dr.api !== undefined && dr.api.domainName === config.ccp.domainName) {
    issues.push({
      path: ["dr", "api", "domainName"],
      message: `${dr.api.domainName} is the CCP page's host name (ccp.domainName): give the API a host name of its own`,
    });
  }
  if (config.environment !== "prod") {
    issues.push({
      path: ["dr", "enabled"],
      message: `disaster recovery is for production (a replica instance per environment doubles its numbers and cost): turn it off in ${config.environment}`,
    });
  }
  const pair = GLOBAL_RESILIENCY_PAIRS[region];
  if (pair === undefined) {
    issues.push({
      path: ["dr", "enabled"],
      message: `Connect Global Resiliency has no replica Region for ${region}: it pairs ${Object.entries(
        GLOBAL_RESILIENCY_PAIRS,
      )
        .map(([from, to]) => `${from} → ${to}`)
        .join(", ")}`,
    });
  } else if (dr.replicaRegion !== pair) {
    issues.push({
      path: ["dr", "replicaRegion"],
      message: `${dr.replicaRegion === undefined ? "not set" : `${dr.replicaRegion} is not allowed`}: an instance in ${region} replicates only to ${pair} (Connect Global Resiliency pairs)`,
    });
  }
  const group = dr.trafficDistributionGroupArn?.match(TRAFFIC_DISTRIBUTION_GROUP_ARN);
  if (group && group[1] !== region) {
    issues.push({
      path: ["dr", "trafficDistributionGroupArn"],
      message: `the group is in ${group[1]}: a traffic distribution group lives in the source Region (${region}), where its numbers are claimed`,
    });
  }
  return issues;
}
