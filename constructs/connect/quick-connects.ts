import { ConnectQuickConnect } from "@cdktf/provider-aws/lib/connect-quick-connect";
import { Construct } from "constructs";
import { RemovedFromState, movedFrom } from "../core/addresses";
import type { Queues } from "./queues";

export interface QueueTransferQuickConnectsProps {
  /** Connect instance id. */
  readonly instanceId: string;
  /** The queues: every queue gets a "Transfer to <name>" quick connect. */
  readonly queues: Queues;
  /** Transfer targets offered to agents of each source queue (must form no cycle). */
  readonly transferTo: Readonly<Record<string, readonly string[]>>;
  /** QUEUE_TRANSFER flow the quick connects run (the flows engineer's queue_transfer flow). */
  readonly contactFlowId: string;
}

/**
 * Queue-transfer quick connects at their original addresses
 * (`aws_connect_quick_connect.queue_transfer["<Name>"]`), offered through each source queue's
 * `quick_connect_ids`. That replaces the original's CLI association (every quick connect on every
 * queue), which Terraform cannot express: queue A listing B's quick connect and B listing A's is a
 * dependency cycle, so transfers form a DAG (config validates it).
 */
export class QueueTransferQuickConnects extends Construct {
  public readonly byQueue: Readonly<Record<string, ConnectQuickConnect>>;

  constructor(scope: Construct, id: string, props: QueueTransferQuickConnectsProps) {
    super(scope, id);
    for (const [source, targets] of Object.entries(props.transferTo)) {
      props.queues.queue(source);
      for (const target of targets) {
        props.queues.queue(target);
        if (target === source) {
          throw new Error(
            `QueueTransferQuickConnects at ${this.node.path}: ${source} transfers to itself; remove it from its own targets`,
          );
        }
      }
    }

    const byQueue: Record<string, ConnectQuickConnect> = {};
    for (const [name, queue] of Object.entries(props.queues.byName)) {
      byQueue[name] = movedFrom(
        new ConnectQuickConnect(this, name, {
          instanceId: props.instanceId,
          name: `Transfer to ${name}`,
          description: `Transfer to ${queue.descriptionInput ?? name}`,
          quickConnectConfig: {
            quickConnectType: "QUEUE",
            queueConfig: [{ queueId: queue.queueId, contactFlowId: props.contactFlowId }],
          },
        }),
        `aws_connect_quick_connect.queue_transfer["${name}"]`,
      );
    }
    for (const [source, targets] of Object.entries(props.transferTo)) {
      if (targets.length > 0)
        props.queues.queue(source).quickConnectIds = targets.map((t) => byQueue[t].quickConnectId);
    }
    this.byQueue = byQueue;

    new RemovedFromState(this, "removed_associate_quick_connects", {
      from: "null_resource.associate_quick_connects",
      reason: "replaced by quick_connect_ids on each source queue; forgetting it runs no CLI",
    });
  }
}
