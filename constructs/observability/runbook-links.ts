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

/** Replica alarm → the primary alarm whose page it shares, and where it is. */
const COUNTERPARTS = new WeakMap<CloudwatchMetricAlarm, { primary: CloudwatchMetricAlarm; where: string }>();

/**
 * Makes `replica` (the same alarm in a DR replica Region) link `primary`'s runbook page, its
 * description starting with `where` (`eu-central-1 (DR replica)`). One page per alarm, with a row
 * per Region: the operator reads the same causes and checks, run against that Region.
 */
export function shareRunbook(
  replica: CloudwatchMetricAlarm,
  primary: CloudwatchMetricAlarm,
  where: string,
): void {
  COUNTERPARTS.set(replica, { primary, where });
}

/**
 * Ends every alarm's description with its runbook, `Runbook: docs/runbooks/<address>.md`, so the
 * page is in the notification the on-call person receives. An aspect rather than an argument of
 * each alarm's builder: alarms are built in six constructs, and one added later links its page
 * without anyone remembering to (a test then fails until the page exists). A replica's alarm
 * links its primary counterpart's page (shareRunbook); addresses are read here, at synth, after
 * every `keepAddress`.
 */
export class RunbookLinks implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof CloudwatchMetricAlarm)) return;
    const description = node.alarmDescriptionInput ?? "";
    if (splitRunbookLink(description).runbook !== undefined) return;
    const counterpart = COUNTERPARTS.get(node);
    const link = `Runbook: ${runbookPath((counterpart?.primary ?? node).friendlyUniqueId)}`;
    const text = counterpart
      ? description === ""
        ? counterpart.where
        : `${counterpart.where}: ${description}`
      : description;
    node.alarmDescription = text === "" ? link : `${text} ${link}`;
  }
}
