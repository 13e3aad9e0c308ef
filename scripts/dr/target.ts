import type { StackConfig } from "../../config/schema";
import { instanceAliasFor } from "../../constructs/connect/connect-core";
import { UsageError } from "../support/cli-args";

/** What the DR commands act on, read from an environment's validated config. */
export interface DrTarget {
  readonly env: string;
  /** The primary (source) Region: config `region`. */
  readonly primaryRegion: string;
  /** The replica Region: config `dr.replicaRegion`. */
  readonly replicaRegion: string;
  /** Alias of the primary instance (the replica has the same instance id, not the same alias). */
  readonly instanceAlias: string;
  /** ReplicateInstance's ReplicaAlias: config `dr.replicaAlias`, else `<instance alias>-replica`. */
  readonly replicaAlias: string;
  /** The default traffic distribution group, once config names it (after dr:replicate). */
  readonly trafficDistributionGroupArn?: string;
  /** The stack's Lex bots (constructs/lex/bots: `<project>-bot`, `-banking-bot`, `-sales-bot`). */
  readonly botNames: readonly string[];
}

/** Connect aliases: lower-case letters, digits and -, at most 45 characters for a replica. */
const REPLICA_ALIAS = /^[a-z0-9][a-z0-9-]{0,43}[a-z0-9]$/;

/** The DR target of an environment; a usage error when its config has DR off. */
export function drTarget(env: string, config: StackConfig): DrTarget {
  const { dr } = config;
  if (!dr.enabled || dr.replicaRegion === undefined) {
    throw new UsageError(
      `${env} has disaster recovery off: set dr.enabled and dr.replicaRegion in config/environments/${env}.ts (docs/disaster-recovery.md)`,
    );
  }
  const instanceAlias = instanceAliasFor(config.connect, config.projectName, config.environment);
  const replicaAlias = dr.replicaAlias ?? `${instanceAlias}-replica`;
  if (!REPLICA_ALIAS.test(replicaAlias)) {
    throw new UsageError(
      `replica alias "${replicaAlias}" is not a Connect alias (at most 45 lower-case letters, digits and -): set dr.replicaAlias`,
    );
  }
  return {
    env,
    primaryRegion: config.region,
    replicaRegion: dr.replicaRegion,
    instanceAlias,
    replicaAlias,
    botNames: [
      `${config.projectName}-bot`,
      `${config.projectName}-banking-bot`,
      `${config.projectName}-sales-bot`,
    ],
    ...(dr.trafficDistributionGroupArn
      ? { trafficDistributionGroupArn: dr.trafficDistributionGroupArn }
      : {}),
  };
}

/** The group's ARN, or a usage error saying how to get it. */
export function requireGroup(target: DrTarget): string {
  if (target.trafficDistributionGroupArn === undefined) {
    throw new UsageError(
      `dr.trafficDistributionGroupArn is not set for ${target.env}: run npm run dr:replicate -- --env ${target.env} and put the ARN it prints in config/environments/${target.env}.ts`,
    );
  }
  return target.trafficDistributionGroupArn;
}
