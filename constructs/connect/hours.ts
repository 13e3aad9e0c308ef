import { ConnectHoursOfOperation } from "@cdktf/provider-aws/lib/connect-hours-of-operation";
import { Construct } from "constructs";

export type Weekday = "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY";
const WEEK: readonly Weekday[] = [
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
];

/** Which hours a queue follows. */
export type HoursKind = "business" | "always";

export interface HoursOfOperationProps {
  /** Connect instance id. */
  readonly instanceId: string;
  /** IANA time zone of the business hours, e.g. Europe/London. */
  readonly timeZone: string;
  /** Opening times per open day ("HH:MM" 24h); days left out are closed. */
  readonly businessDays: Readonly<Partial<Record<Weekday, { readonly start: string; readonly end: string }>>>;
}

function time(hhmm: string): { hours: number; minutes: number } {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return { hours, minutes };
}

/**
 * Business hours from config and a 24/7 schedule (fraud). Both are declared, so no queue depends on
 * the console's mutable "Basic Hours" any more.
 */
export class HoursOfOperation extends Construct {
  public readonly business: ConnectHoursOfOperation;
  public readonly always: ConnectHoursOfOperation;

  constructor(scope: Construct, id: string, props: HoursOfOperationProps) {
    super(scope, id);
    const open = WEEK.filter((day) => props.businessDays[day] !== undefined);
    if (open.length === 0) {
      throw new Error(`HoursOfOperation at ${this.node.path}: businessDays is empty; open at least one day`);
    }
    for (const day of open) {
      const { start, end } = props.businessDays[day]!;
      if (start >= end) {
        throw new Error(
          `HoursOfOperation at ${this.node.path}: ${day} opens at ${start} but closes at ${end}; the close must be later the same day`,
        );
      }
    }

    this.business = new ConnectHoursOfOperation(this, "business", {
      instanceId: props.instanceId,
      name: "Business Hours",
      description: `Staffed hours (${props.timeZone})`,
      timeZone: props.timeZone,
      config: open.map((day) => ({
        day,
        startTime: time(props.businessDays[day]!.start),
        endTime: time(props.businessDays[day]!.end),
      })),
    });
    // Connect reads 00:00 to 00:00 as the whole day, so there is no closed minute at midnight.
    this.always = new ConnectHoursOfOperation(this, "always", {
      instanceId: props.instanceId,
      name: "24x7",
      description: "Always open (fraud and lost or stolen cards)",
      timeZone: props.timeZone,
      config: WEEK.map((day) => ({
        day,
        startTime: { hours: 0, minutes: 0 },
        endTime: { hours: 0, minutes: 0 },
      })),
    });
  }

  /** Hours of operation id for a queue's schedule. */
  public idFor(kind: HoursKind): string {
    return kind === "always" ? this.always.hoursOfOperationId : this.business.hoursOfOperationId;
  }
}
