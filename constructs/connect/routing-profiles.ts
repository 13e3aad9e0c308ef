import { ConnectRoutingProfile } from "@cdktf/provider-aws/lib/connect-routing-profile";
import { Construct } from "constructs";
import type { RoutingProfileConfig } from "../../config/schema/connect";
import { RemovedFromState, movedFrom } from "../core/addresses";
import type { Queues } from "./queues";

export interface RoutingProfilesProps {
  /** Connect instance id. */
  readonly instanceId: string;
  /** Queues the profiles take work from. */
  readonly queues: Queues;
  /** Profiles by name (also the Connect name). Priority: the LOWEST number is served first. */
  readonly profiles: Readonly<Record<string, RoutingProfileConfig>>;
  /**
   * For_each resource these profiles lived under in the original stack, e.g.
   * `aws_connect_routing_profile.this`: each profile gets a moved block from `<that>["<name>"]`.
   * @default - new profiles, no moved blocks
   */
  readonly movedFromForEach?: string;
}

/** Routing profiles: which queues and channels an agent takes, in which order, how many at once. */
export class RoutingProfiles extends Construct {
  public readonly byName: Readonly<Record<string, ConnectRoutingProfile>>;

  constructor(scope: Construct, id: string, props: RoutingProfilesProps) {
    super(scope, id);
    const byName: Record<string, ConnectRoutingProfile> = {};
    for (const [name, profile] of Object.entries(props.profiles)) {
      const voice = profile.mediaConcurrencies.find((mc) => mc.channel === "VOICE");
      if (voice && voice.concurrency !== 1) {
        throw new Error(
          `RoutingProfiles at ${this.node.path}: ${name} has VOICE concurrency ${voice.concurrency}; Connect allows exactly 1`,
        );
      }
      const resource = new ConnectRoutingProfile(this, name, {
        instanceId: props.instanceId,
        name,
        description: profile.description,
        defaultOutboundQueueId: props.queues.queue(profile.defaultOutboundQueue).queueId,
        mediaConcurrencies: profile.mediaConcurrencies.map((mc) => ({
          channel: mc.channel,
          concurrency: mc.concurrency,
        })),
        queueConfigs: profile.queueConfigs.map((qc) => ({
          channel: qc.channel,
          delay: qc.delay,
          priority: qc.priority,
          queueId: props.queues.queue(qc.queue).queueId,
        })),
      });
      if (props.movedFromForEach) movedFrom(resource, `${props.movedFromForEach}["${name}"]`);
      byName[name] = resource;
    }
    if (props.movedFromForEach && Object.keys(byName).length === 0) {
      new RemovedFromState(this, "removed_profiles", {
        from: props.movedFromForEach,
        reason:
          "no routing profiles configured: profiles created by the original stack stay (agents may still use them) and are no longer managed here",
      });
    }
    this.byName = byName;
  }

  /** Routing profile ids by name. */
  public get ids(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.byName).map(([name, p]) => [name, p.routingProfileId]));
  }
}
