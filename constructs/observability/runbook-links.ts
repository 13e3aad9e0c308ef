import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { IAspect } from "cdktf";
import type { IConstruct } from "constructs";

/** Where the runbook pages live, from the repository root (`npm run runbooks` writes them). */
export const RUNBOOK_DIR = "docs/runbooks";

const LINK = /\s*Runbook: (\S+)$/;

/** The runbook page of an alarm, by its Terraform address: `docs/runbooks/queue_size.md`. */
export const runbookPath = (alarmAddress: string): string => `${RUNBOOK_DIR}/${alarmAddress}.md`;

/** An alarm description split into what it says and the runbook it links (undefined when none). */
export function splitRunbookLink(description: string): { text: string; runbook: string | undefined } {
  const match = LINK.exec(description);
  return match
    ? { text: description.slice(0, match.index), runbook: match[1] }
    : { text: description, runbook: undefined };
}

/**
 * Ends every alarm's description with its runbook, `Runbook: docs/runbooks/<address>.md`, so the
 * page is in the notification the on-call person receives. An aspect rather than an argument of
 * each alarm's builder: alarms are built in six constructs, and one added later links its page
 * without anyone remembering to (a test then fails until the page exists).
 */
export class RunbookLinks implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof CloudwatchMetricAlarm)) return;
    const description = node.alarmDescriptionInput ?? "";
    if (splitRunbookLink(description).runbook !== undefined) return;
    const link = `Runbook: ${runbookPath(node.friendlyUniqueId)}`;
    node.alarmDescription = description === "" ? link : `${description} ${link}`;
  }
}
