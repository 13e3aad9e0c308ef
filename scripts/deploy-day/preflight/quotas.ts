/**
 * Quotas the stack needs: Connect's per-instance resource quotas (Service Quotas, matched by the
 * quota's name) against what the stack creates plus what the instance already holds, and Lambda's
 * account concurrency, which must leave 100 unreserved after the stack's reservations.
 */
import {
  ConnectClient,
  ListContactFlowsCommand,
  ListInstancesCommand,
  ListPhoneNumbersV2Command,
  ListQueuesCommand,
} from "@aws-sdk/client-connect";
import {
  GetAccountSettingsCommand,
  GetFunctionConcurrencyCommand,
  LambdaClient,
} from "@aws-sdk/client-lambda";
import {
  ListAWSDefaultServiceQuotasCommand,
  ListServiceQuotasCommand,
  ServiceQuotasClient,
  type ServiceQuota,
} from "@aws-sdk/client-service-quotas";
import { errorName, fail, pass, skip, type Check, type CheckResult } from "../check";
import type { DeployDayContext } from "../context";

interface QuotaRule {
  readonly id: string;
  /** The quota's name in Service Quotas, case-insensitive. */
  readonly name: RegExp;
  /** Terraform resource types that each add one. */
  readonly types: readonly string[];
  /** Names already in the instance (all of them, the stack's included). */
  readonly existing?: (connect: ConnectClient, instanceId: string) => Promise<string[]>;
}

async function pages<T>(
  fetchPage: (token?: string) => Promise<{ items?: T[]; next?: string }>,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    all.push(...(page.items ?? []));
    token = page.next;
  } while (token);
  return all;
}

// ListContactFlows / ListQueues / ListPhoneNumbersV2 responses: *SummaryList[], NextToken (Connect API reference).
export const CONNECT_QUOTAS: readonly QuotaRule[] = [
  {
    id: "flows",
    name: /^(contact )?flows per instance$/i,
    types: ["aws_connect_contact_flow"],
    existing: async (c, InstanceId) =>
      (
        await pages((NextToken) =>
          c
            .send(new ListContactFlowsCommand({ InstanceId, NextToken }))
            .then((o) => ({ items: o.ContactFlowSummaryList, next: o.NextToken })),
        )
      ).map((f) => f.Name ?? ""),
  },
  { id: "flow-modules", name: /^(flow )?modules per instance$/i, types: ["aws_connect_contact_flow_module"] },
  {
    id: "queues",
    name: /^queues per instance$/i,
    types: ["aws_connect_queue"],
    existing: async (c, InstanceId) =>
      (
        await pages((NextToken) =>
          c
            .send(new ListQueuesCommand({ InstanceId, QueueTypes: ["STANDARD"], NextToken }))
            .then((o) => ({ items: o.QueueSummaryList, next: o.NextToken })),
        )
      ).map((q) => q.Name ?? ""),
  },
  {
    id: "phone-numbers",
    name: /^phone numbers per instance$/i,
    types: ["aws_connect_phone_number"],
    existing: async (c, InstanceId) =>
      (
        await pages((NextToken) =>
          c
            .send(new ListPhoneNumbersV2Command({ InstanceId, NextToken }))
            .then((o) => ({ items: o.ListPhoneNumbersSummaryList, next: o.NextToken })),
        )
      ).map((n) => n.PhoneNumber ?? ""),
  },
  {
    id: "routing-profiles",
    name: /^routing profiles per instance$/i,
    types: ["aws_connect_routing_profile"],
  },
  {
    id: "hours-of-operation",
    name: /^hours of operation per instance$/i,
    types: ["aws_connect_hours_of_operation"],
  },
  { id: "quick-connects", name: /^quick connects per instance$/i, types: ["aws_connect_quick_connect"] },
  {
    id: "lex-v2-bot-aliases",
    name: /lex v2 bot aliases per instance$/i,
    types: ["awscc_connect_integration_association"],
  },
  {
    id: "lambda-functions",
    name: /lambda functions per instance$/i,
    types: ["aws_connect_lambda_function_association"],
  },
];

async function connectQuotas(ctx: DeployDayContext): Promise<ServiceQuota[]> {
  const client = ctx.aws.client(ServiceQuotasClient, ctx.config.region);
  // ListServiceQuotas returns applied values only where one exists; defaults fill the rest (Service Quotas API reference).
  const applied = await pages((NextToken) =>
    client
      .send(new ListServiceQuotasCommand({ ServiceCode: "connect", NextToken }))
      .then((o) => ({ items: o.Quotas, next: o.NextToken })),
  );
  const defaults = await pages((NextToken) =>
    client
      .send(new ListAWSDefaultServiceQuotasCommand({ ServiceCode: "connect", NextToken }))
      .then((o) => ({ items: o.Quotas, next: o.NextToken })),
  );
  const names = new Set(applied.map((q) => q.QuotaName));
  return [...applied, ...defaults.filter((q) => !names.has(q.QuotaName))];
}

async function instanceId(ctx: DeployDayContext, connect: ConnectClient): Promise<string | undefined> {
  const alias = ctx.facts.instanceAlias();
  // ListInstances response: InstanceSummaryList[].InstanceAlias, Id (Connect API reference).
  const all = await pages((NextToken) =>
    connect
      .send(new ListInstancesCommand({ NextToken }))
      .then((o) => ({ items: o.InstanceSummaryList, next: o.NextToken })),
  );
  return all.find((i) => i.InstanceAlias === alias)?.Id;
}

function stackNames(ctx: DeployDayContext, types: readonly string[]): string[] {
  return types.flatMap((t) =>
    Object.values(ctx.facts.json.resource?.[t] ?? {}).map((r) => String(r.name ?? r.instance_alias ?? "")),
  );
}

export const connectQuotasCheck: Check<DeployDayContext> = {
  id: "connect-quotas",
  title: "Connect's per-instance quotas leave room for the stack",
  async run(ctx) {
    const quotas = await connectQuotas(ctx);
    const connect = ctx.aws.client(ConnectClient, ctx.config.region);
    const id = await instanceId(ctx, connect);
    const results: CheckResult[] = [];
    if (!id) {
      const limit = quotas.find((q) => /instances per account$/i.test(q.QuotaName ?? ""))?.Value;
      const count = (
        await pages((NextToken) =>
          connect
            .send(new ListInstancesCommand({ NextToken }))
            .then((o) => ({ items: o.InstanceSummaryList, next: o.NextToken })),
        )
      ).length;
      results.push(
        limit !== undefined && count >= limit
          ? fail(
              "quota:connect-instances",
              `${count} Connect instance(s) already, quota ${limit}: the stack cannot create ${ctx.facts.instanceAlias()}`,
              'request an increase of "Amazon Connect instances per account" in Service Quotas (reviews can take days)',
            )
          : pass(
              "quota:connect-instances",
              `${count} instance(s), quota ${limit ?? "unknown"}: room for ${ctx.facts.instanceAlias()}`,
            ),
      );
    }
    for (const rule of CONNECT_QUOTAS) {
      const wanted = stackNames(ctx, rule.types);
      if (wanted.length === 0) continue;
      const quota = quotas.find((q) => rule.name.test(q.QuotaName ?? ""));
      if (quota?.Value === undefined) {
        results.push(
          skip(
            `quota:${rule.id}`,
            `Service Quotas lists no Connect quota matching ${rule.name.source}`,
            "check it in the Connect console's service quotas page",
          ),
        );
        continue;
      }
      const existing = id && rule.existing ? await rule.existing(connect, id) : [];
      // Unnamed resources (phone numbers) cannot be told apart: the instance may already hold the stack's.
      const named = wanted.every((name) => name !== "");
      const others = named
        ? existing.filter((name) => !wanted.includes(name)).length
        : Math.max(0, existing.length - wanted.length);
      const need = wanted.length + others;
      const detail = `${quota.QuotaName}: ${quota.Value}; the stack needs ${wanted.length}${id ? ` + ${others} already in the instance` : " (plus the defaults Connect creates with a new instance)"}`;
      results.push(
        need > quota.Value
          ? fail(
              `quota:${rule.id}`,
              detail,
              `request an increase of "${quota.QuotaName}" (${quota.QuotaCode ?? "?"}) in Service Quotas before deploying`,
            )
          : pass(`quota:${rule.id}`, detail),
      );
    }
    return results;
  },
};

/** Lambda keeps 100 concurrent executions unreserved; the stack's reservations must leave them. */
export const lambdaConcurrencyCheck: Check<DeployDayContext> = {
  id: "quota:lambda-concurrency",
  title: "the account's Lambda concurrency covers the stack's reservations",
  async run(ctx): Promise<CheckResult> {
    const reserving = ctx.facts.functions().filter((f) => f.reservedConcurrency > 0);
    if (reserving.length === 0)
      return skip("quota:lambda-concurrency", "no function of the stack reserves concurrency");
    const lambda = ctx.aws.client(LambdaClient, ctx.config.region);
    // GetAccountSettings response: AccountLimit.ConcurrentExecutions, UnreservedConcurrentExecutions (Lambda API reference).
    const { AccountLimit } = await lambda.send(new GetAccountSettingsCommand({}));
    let heldNow = 0;
    for (const f of reserving) {
      try {
        // GetFunctionConcurrency response: ReservedConcurrentExecutions (Lambda API reference).
        heldNow +=
          (await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: f.name })))
            .ReservedConcurrentExecutions ?? 0;
      } catch (error) {
        if (errorName(error) !== "ResourceNotFoundException") throw error;
      }
    }
    const wanted = reserving.reduce((sum, f) => sum + f.reservedConcurrency, 0);
    const left = (AccountLimit?.UnreservedConcurrentExecutions ?? 0) + heldNow - wanted;
    const detail = `account limit ${AccountLimit?.ConcurrentExecutions ?? "?"}, the stack reserves ${wanted} (${reserving.map((f) => `${f.name} ${f.reservedConcurrency}`).join(", ")}): ${left} would stay unreserved`;
    return left < 100
      ? fail(
          "quota:lambda-concurrency",
          detail,
          'request a higher "Concurrent executions" Lambda quota in Service Quotas, or lower lambda.reservedConcurrency',
        )
      : pass("quota:lambda-concurrency", detail);
  },
};
