import { ConnectQueue } from "@cdktf/provider-aws/lib/connect-queue";
import { Construct } from "constructs";
import { movedFrom } from "../core/addresses";
import type { HoursKind } from "./hours";

/** One queue as configured (config `connect.queues.<name>`). */
export interface QueueDefinition {
  /** Shown to supervisors and in reports. */
  readonly description: string;
  /** Schedule the queue follows. */
  readonly hours: HoursKind;
  /** Contacts that may wait before the queue reports QueueAtCapacity. @default - no limit */
  readonly maxContacts?: number;
}

export interface QueuesProps {
  /** Connect instance id. */
  readonly instanceId: string;
  /** Queues by name (the name is also the Connect queue name). */
  readonly queues: Readonly<Record<string, QueueDefinition>>;
  /** Hours of operation id for a schedule kind. */
  readonly hoursIdFor: (kind: HoursKind) => string;
  /** Caller id name on outbound calls. */
  readonly outboundCallerIdName: string;
  /** Phone number id presented on outbound calls. @default - Connect's default (no caller number) */
  readonly outboundCallerNumberId?: string;
}

/**
 * One `aws_connect_queue` per configured queue, each a typed reference (`queue("FraudQueue")`).
 * Address decision: the original used `for_each` (`aws_connect_queue.queues["<Name>"]`); we keep one
 * resource per queue so flows, alarms and routing profiles reference a queue without string lookups
 * into a map, and a `moved` block carries each state entry over (docs/addresses.md).
 */
export class Queues extends Construct {
  public readonly byName: Readonly<Record<string, ConnectQueue>>;

  constructor(scope: Construct, id: string, props: QueuesProps) {
    super(scope, id);
    const names = Object.keys(props.queues);
    if (names.length === 0)
      throw new Error(`Queues at ${this.node.path}: no queues given; configure connect.queues`);

    const byName: Record<string, ConnectQueue> = {};
    for (const name of names) {
      const definition = props.queues[name];
      byName[name] = movedFrom(
        new ConnectQueue(this, name, {
          instanceId: props.instanceId,
          name,
          description: definition.description,
          hoursOfOperationId: props.hoursIdFor(definition.hours),
          maxContacts: definition.maxContacts,
          outboundCallerConfig: {
            outboundCallerIdName: props.outboundCallerIdName,
            outboundCallerIdNumberId: props.outboundCallerNumberId,
          },
        }),
        `aws_connect_queue.queues["${name}"]`,
      );
    }
    this.byName = byName;
  }

  /** The queue called `name`; throws naming the known queues if there is none. */
  public queue(name: string): ConnectQueue {
    const queue = this.byName[name];
    if (!queue) {
      throw new Error(
        `Queues at ${this.node.path}: no queue "${name}"; known: ${Object.keys(this.byName).join(", ")}`,
      );
    }
    return queue;
  }

  /** Queue ids (the part after /queue/ in the ARN) by name. */
  public get ids(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.byName).map(([name, q]) => [name, q.queueId]));
  }

  /** Queue ARNs by name. */
  public get arns(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.byName).map(([name, q]) => [name, q.arn]));
  }
}
