/**
 * What smoke adds to the deploy-day context: the stack's outputs (`terraform output -json`), the
 * operator's options, and the live ids it looks up once (instance, flows, modules) and shares
 * between checks.
 */
import {
  ConnectClient,
  ListContactFlowModulesCommand,
  ListContactFlowsCommand,
  type ContactFlowModuleSummary,
  type ContactFlowSummary,
} from "@aws-sdk/client-connect";
import type { DeployDayContext } from "../context";
import { referencedAddress } from "../stack-facts";

/** `terraform output -json`: name → { value, type, sensitive }. */
export type TerraformOutputs = Readonly<Record<string, { readonly value?: unknown }>>;

export interface SmokeOptions {
  /** `--test-alerting`: publish one test message to the alarm topic. */
  readonly testAlerting: boolean;
  /** `--with-fraud-alerts`: also send the intents whose code hook raises a real fraud alert. */
  readonly withFraudAlerts: boolean;
  /** `--test-call <contact id>`: a call placed through the PIN path, for the probes that need one. */
  readonly testCall?: string;
  /** How far back log-based probes look. */
  readonly sinceHours: number;
  /** How long to wait for a chat message. */
  readonly chatTimeoutMs: number;
  /** A tag for this run's Lex sessions and chat display name. */
  readonly runId: string;
}

export interface SmokeContext extends DeployDayContext {
  readonly outputs: TerraformOutputs;
  readonly options: SmokeOptions;
  readonly sleep: (ms: number) => Promise<void>;
}

/** The output whose value is the given resource attribute (`aws_connect_instance.*.id`). */
export function outputOf(ctx: SmokeContext, type: string, attribute: string): string | undefined {
  const declared = Object.entries((ctx.facts.json.output ?? {}) as Record<string, { value?: unknown }>);
  const name = declared.find(([, o]) => {
    const value = typeof o.value === "string" ? o.value : "";
    return referencedAddress(value)?.startsWith(`${type}.`) && value.endsWith(`.${attribute}}`);
  })?.[0];
  const value = name ? ctx.outputs[name]?.value : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The Connect instance id from the outputs; smoke cannot start without it. */
export function instanceId(ctx: SmokeContext): string {
  const id = outputOf(ctx, "aws_connect_instance", "id");
  if (!id)
    throw new Error(
      "terraform output has no Connect instance id: deploy first, or pass --outputs <terraform output -json file>",
    );
  return id;
}

const flowCache = new WeakMap<SmokeContext, Promise<ContactFlowSummary[]>>();
const moduleCache = new WeakMap<SmokeContext, Promise<ContactFlowModuleSummary[]>>();

/** Every flow of the instance (ListContactFlows, paginated; Connect API reference). */
export function liveFlows(ctx: SmokeContext): Promise<ContactFlowSummary[]> {
  let cached = flowCache.get(ctx);
  if (!cached) {
    cached = (async () => {
      const connect = ctx.aws.client(ConnectClient, ctx.config.region);
      const all: ContactFlowSummary[] = [];
      let NextToken: string | undefined;
      do {
        const page = await connect.send(
          new ListContactFlowsCommand({ InstanceId: instanceId(ctx), NextToken }),
        );
        all.push(...(page.ContactFlowSummaryList ?? []));
        NextToken = page.NextToken;
      } while (NextToken);
      return all;
    })();
    flowCache.set(ctx, cached);
  }
  return cached;
}

/** Every flow module of the instance (ListContactFlowModules, paginated; Connect API reference). */
export function liveModules(ctx: SmokeContext): Promise<ContactFlowModuleSummary[]> {
  let cached = moduleCache.get(ctx);
  if (!cached) {
    cached = (async () => {
      const connect = ctx.aws.client(ConnectClient, ctx.config.region);
      const all: ContactFlowModuleSummary[] = [];
      let NextToken: string | undefined;
      do {
        const page = await connect.send(
          new ListContactFlowModulesCommand({ InstanceId: instanceId(ctx), NextToken }),
        );
        all.push(...(page.ContactFlowModulesSummaryList ?? []));
        NextToken = page.NextToken;
      } while (NextToken);
      return all;
    })();
    moduleCache.set(ctx, cached);
  }
  return cached;
}

/** The live flow of a stack flow address, by its name. */
export async function liveFlow(ctx: SmokeContext, address: string): Promise<ContactFlowSummary | undefined> {
  const fact = ctx.facts.flow(address);
  return fact ? (await liveFlows(ctx)).find((f) => f.Name === fact.name) : undefined;
}
