/** Log events of a Lambda in the probe's window (FilterLogEvents, paginated, capped). */
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  type FilteredLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import type { SmokeContext } from "../smoke/context";

export async function logEvents(
  ctx: SmokeContext,
  logGroupName: string,
  filterPattern: string,
  cap = 500,
): Promise<FilteredLogEvent[]> {
  const client = ctx.aws.client(CloudWatchLogsClient, ctx.config.region);
  const startTime = ctx.now().getTime() - ctx.options.sinceHours * 3_600_000;
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    // FilterLogEvents response: events[].message, timestamp; nextToken (CloudWatch Logs API reference).
    const page = await client.send(
      new FilterLogEventsCommand({ logGroupName, filterPattern, startTime, nextToken }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken && events.length < cap);
  return events;
}

/** A structured (JSON) log line's field, or undefined. */
export function field(message: string | undefined, name: string): unknown {
  try {
    return (JSON.parse(message ?? "") as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}
