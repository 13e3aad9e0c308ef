/** No alarm of the stack is in ALARM, and every one exists. */
import { CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { SmokeContext } from "./context";

export const alarmsCheck: Check<SmokeContext> = {
  id: "alarms",
  title: "no alarm is in ALARM",
  async run(ctx): Promise<CheckResult> {
    const names = ctx.facts.alarmNames();
    if (names.length === 0) return skip("alarms", "the stack has no alarm");
    const cloudwatch = ctx.aws.client(CloudWatchClient, ctx.config.region);
    const found: MetricAlarm[] = [];
    for (let i = 0; i < names.length; i += 100) {
      // DescribeAlarms response: MetricAlarms[].AlarmName, StateValue OK | ALARM | INSUFFICIENT_DATA, StateReason (CloudWatch API reference).
      const page = await cloudwatch.send(
        new DescribeAlarmsCommand({ AlarmNames: names.slice(i, i + 100), MaxRecords: 100 }),
      );
      found.push(...(page.MetricAlarms ?? []));
    }
    const missing = names.filter((n) => !found.some((a) => a.AlarmName === n));
    const firing = found.filter((a) => a.StateValue === "ALARM");
    if (firing.length > 0 || missing.length > 0)
      return fail(
        "alarms",
        [
          ...firing.map((a) => `${a.AlarmName} in ALARM (${a.StateReason ?? ""})`),
          ...(missing.length ? [`not found: ${missing.join(", ")}`] : []),
        ].join("; "),
        firing.length
          ? "follow the alarm's runbook (linked from its description) before ramping traffic"
          : "deploy again",
      );
    const counts = found.reduce<Record<string, number>>(
      (c, a) => ({ ...c, [a.StateValue ?? "?"]: (c[a.StateValue ?? "?"] ?? 0) + 1 }),
      {},
    );
    return pass(
      "alarms",
      `${found.length} alarms, none in ALARM (${Object.entries(counts)
        .map(([s, n]) => `${n} ${s}`)
        .join(", ")})`,
    );
  },
};
