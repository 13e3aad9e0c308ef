/**
 * The Connect calls the DR commands make, with shapes from the Connect API reference. One client
 * per Region: a failover is sent to the Region traffic moves to, since the other may be the one
 * that is down.
 */
import {
  ConnectClient,
  DescribeInstanceCommand,
  DescribeTrafficDistributionGroupCommand,
  GetTrafficDistributionCommand,
  ListInstancesCommand,
  ListPhoneNumbersV2Command,
  ListTrafficDistributionGroupsCommand,
  type DescribeInstanceResponse,
  type GetTrafficDistributionResponse,
  type InstanceSummary,
  type ListPhoneNumbersSummary,
  type TrafficDistributionGroup,
  type TrafficDistributionGroupSummary,
} from "@aws-sdk/client-connect";

/** The Connect client of a Region (created once per Region; tests pass clients they stub). */
export type ConnectClients = (region: string) => ConnectClient;

export function connectClients(): ConnectClients {
  const made = new Map<string, ConnectClient>();
  return (region) => {
    let client = made.get(region);
    if (!client) made.set(region, (client = new ConnectClient({ region })));
    return client;
  };
}

/** Waiting, injectable: tests advance time without sleeping. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/** `InvalidRequestException: The request is not valid.` from an SDK error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Polls `probe` every `everyMs` until it returns a value, or throws after `timeoutMs` with the
 * last state `probe` reported.
 */
export async function waitFor<T>(
  clock: Clock,
  what: string,
  probe: () => Promise<{ done: T } | { waiting: string }>,
  options: { readonly everyMs: number; readonly timeoutMs: number },
): Promise<T> {
  const deadline = clock.now() + options.timeoutMs;
  for (;;) {
    const state = await probe();
    if ("done" in state) return state.done;
    if (clock.now() >= deadline) {
      throw new Error(`${what}: still ${state.waiting} after ${Math.round(options.timeoutMs / 1000)} s`);
    }
    await clock.sleep(options.everyMs);
  }
}

async function pages<T>(page: (token?: string) => Promise<{ items?: T[]; next?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const result = await page(token);
    out.push(...(result.items ?? []));
    token = result.next;
  } while (token);
  return out;
}

/** The instance with this alias in the client's Region (ListInstances), or undefined. */
export async function findInstance(
  client: ConnectClient,
  alias: string,
): Promise<InstanceSummary | undefined> {
  const instances = await pages((NextToken) =>
    client
      .send(new ListInstancesCommand({ NextToken }))
      .then((o) => ({ items: o.InstanceSummaryList, next: o.NextToken })),
  );
  return instances.find((i) => i.InstanceAlias === alias);
}

export async function describeInstance(
  client: ConnectClient,
  instanceId: string,
): Promise<DescribeInstanceResponse> {
  return client.send(new DescribeInstanceCommand({ InstanceId: instanceId }));
}

/** Traffic distribution groups of an instance (ListTrafficDistributionGroups). */
export async function listGroups(
  client: ConnectClient,
  instanceId: string,
): Promise<TrafficDistributionGroupSummary[]> {
  return pages((NextToken) =>
    client
      .send(new ListTrafficDistributionGroupsCommand({ InstanceId: instanceId, NextToken }))
      .then((o) => ({ items: o.TrafficDistributionGroupSummaryList, next: o.NextToken })),
  );
}

export async function describeGroup(
  client: ConnectClient,
  groupArn: string,
): Promise<TrafficDistributionGroup> {
  const out = await client.send(
    new DescribeTrafficDistributionGroupCommand({ TrafficDistributionGroupId: groupArn }),
  );
  if (!out.TrafficDistributionGroup)
    throw new Error(`DescribeTrafficDistributionGroup returned no group for ${groupArn}`);
  return out.TrafficDistributionGroup;
}

export async function getDistribution(
  client: ConnectClient,
  groupArn: string,
): Promise<GetTrafficDistributionResponse> {
  return client.send(new GetTrafficDistributionCommand({ Id: groupArn }));
}

/** Numbers claimed to a target (instance or traffic distribution group ARN). */
export async function numbersOf(
  client: ConnectClient,
  targetArn: string,
): Promise<ListPhoneNumbersSummary[]> {
  return pages((NextToken) =>
    client
      .send(new ListPhoneNumbersV2Command({ TargetArn: targetArn, NextToken }))
      .then((o) => ({ items: o.ListPhoneNumbersSummaryList, next: o.NextToken })),
  );
}
