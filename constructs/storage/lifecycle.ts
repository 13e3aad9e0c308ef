import type { S3BucketLifecycleConfigurationRule } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";

/** When objects move to cheaper storage and when they expire. */
export interface BucketLifecycle {
  /** Storage class transitions by object age, in ascending days, e.g. `[{ days: 30, storageClass: "STANDARD_IA" }]`. */
  readonly transitions: readonly { readonly days: number; readonly storageClass: string }[];
  /** Age in days at which current objects expire. @default - never */
  readonly expirationDays?: number;
  /** Days a replaced or deleted version is kept. @default 90 */
  readonly noncurrentVersionExpirationDays?: number;
  /** Id of the rule as S3 reports it; renaming it rewrites the bucket's lifecycle. @default "tiering-and-expiry" */
  readonly ruleId?: string;
}

/** Days of a three-step archive lifecycle, as the `datalake` and `audit` config sections give them. */
export interface ArchiveDays {
  /** Days until STANDARD_IA. */
  readonly infrequentAccessAfterDays: number;
  /** Days until GLACIER. */
  readonly glacierAfterDays: number;
  /** Days until current objects expire. */
  readonly expireAfterDays: number;
}

/** STANDARD_IA at 30 days, GLACIER at 90, never expires: the recordings bucket's tiering. */
export const DEFAULT_LIFECYCLE: BucketLifecycle = {
  transitions: [
    { days: 30, storageClass: "STANDARD_IA" },
    { days: 90, storageClass: "GLACIER" },
  ],
};

/** STANDARD_IA, then GLACIER, then expiry, under the rule id `archive` the deployed buckets already carry. */
export function archiveLifecycle(days: ArchiveDays): BucketLifecycle {
  return {
    ruleId: "archive",
    transitions: [
      { days: days.infrequentAccessAfterDays, storageClass: "STANDARD_IA" },
      { days: days.glacierAfterDays, storageClass: "GLACIER" },
    ],
    expirationDays: days.expireAfterDays,
  };
}

/** The one lifecycle rule of a bucket: tiering, expiry, old versions and abandoned uploads. */
export function lifecycleRule(lifecycle: BucketLifecycle): S3BucketLifecycleConfigurationRule {
  return {
    id: lifecycle.ruleId ?? "tiering-and-expiry",
    status: "Enabled",
    filter: [{ prefix: "" }],
    transition: lifecycle.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })),
    expiration: lifecycle.expirationDays === undefined ? undefined : [{ days: lifecycle.expirationDays }],
    noncurrentVersionExpiration: [{ noncurrentDays: lifecycle.noncurrentVersionExpirationDays ?? 90 }],
    abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
  };
}

/** Problems with a lifecycle, each naming the bad value and the fix; empty when it is valid. */
export function lifecycleProblems(lifecycle: BucketLifecycle): string[] {
  const problems: string[] = [];
  const days = lifecycle.transitions.map((t) => t.days);
  const outOfOrder = days.findIndex((d, i) => i > 0 && d <= days[i - 1]);
  if (outOfOrder > 0) {
    problems.push(
      `lifecycle.transitions days [${days.join(", ")}] are not ascending; list each storage class after the one objects leave`,
    );
  }
  const lastTransition = Math.max(0, ...days);
  if (lifecycle.expirationDays !== undefined && lifecycle.expirationDays <= lastTransition) {
    problems.push(
      `lifecycle.expirationDays ${lifecycle.expirationDays} is not after the last transition (${lastTransition} days); expire later or drop the transition`,
    );
  }
  return problems;
}
