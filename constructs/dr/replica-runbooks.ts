import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { Construct } from "constructs";
import { shareRunbook } from "../observability";

/** A replica alarm and its primary counterpart (undefined where the primary has none). */
export type AlarmPair = readonly [replica: CloudwatchMetricAlarm, primary: CloudwatchMetricAlarm | undefined];

/**
 * Every alarm under `scope` links the runbook page of its counterpart in the primary: the meaning,
 * causes and checks are the same, and the page has a row for the replica Region (`where`). One
 * without a counterpart fails synth here rather than link a page nobody wrote.
 */
export function shareReplicaRunbooks(scope: Construct, pairs: readonly AlarmPair[], where: string): void {
  const counterparts = new Map(pairs);
  for (const alarm of scope.node.findAll()) {
    if (!(alarm instanceof CloudwatchMetricAlarm)) continue;
    const counterpart = counterparts.get(alarm);
    if (counterpart === undefined)
      throw new Error(
        `DisasterRecovery at ${scope.node.path}: the replica alarm ${alarm.node.path} has no primary counterpart, so no runbook page: pair it in shareRunbooks (constructs/dr/disaster-recovery.ts)`,
      );
    shareRunbook(alarm, counterpart, where);
  }
}
