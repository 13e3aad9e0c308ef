/** Every claimed number reaches the flow the stack associates it with (ListFlowAssociations). */
import {
  ConnectClient,
  ListFlowAssociationsCommand,
  ListPhoneNumbersV2Command,
  type FlowAssociationSummary,
  type ListPhoneNumbersSummary,
} from "@aws-sdk/client-connect";
import { fail, pass, type Check, type CheckResult } from "../check";
import { instanceId, liveFlows, type SmokeContext } from "./context";

async function all<T>(page: (token?: string) => Promise<{ items?: T[]; next?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const p = await page(token);
    out.push(...(p.items ?? []));
    token = p.next;
  } while (token);
  return out;
}

export const numbersOnFlowsCheck: Check<SmokeContext> = {
  id: "numbers",
  title: "every number is on its flow",
  async run(ctx) {
    const connect = ctx.aws.client(ConnectClient, ctx.config.region);
    const InstanceId = instanceId(ctx);
    // ListPhoneNumbersV2: ListPhoneNumbersSummaryList[].PhoneNumber, PhoneNumberId, PhoneNumberArn;
    // ListFlowAssociations: FlowAssociationSummaryList[].ResourceId, FlowId (Connect API reference).
    const numbers = await all<ListPhoneNumbersSummary>((NextToken) =>
      connect
        .send(new ListPhoneNumbersV2Command({ InstanceId, NextToken }))
        .then((o) => ({ items: o.ListPhoneNumbersSummaryList, next: o.NextToken })),
    );
    const associations = await all<FlowAssociationSummary>((NextToken) =>
      connect
        .send(new ListFlowAssociationsCommand({ InstanceId, ResourceType: "VOICE_PHONE_NUMBER", NextToken }))
        .then((o) => ({ items: o.FlowAssociationSummaryList, next: o.NextToken })),
    );
    const flows = await liveFlows(ctx);
    const results: CheckResult[] = [];
    for (const route of ctx.facts.numberRoutes()) {
      const id = `number:${route.output ?? route.number}`;
      const e164 = route.output ? ctx.outputs[route.output]?.value : undefined;
      const number = numbers.find((n) => n.PhoneNumber === e164);
      if (typeof e164 !== "string" || !number) {
        results.push(
          fail(
            id,
            `${route.number} (${String(e164 ?? "no output")}) is not claimed by the instance`,
            "read the aws_connect_phone_number errors of the last deploy",
          ),
        );
        continue;
      }
      const flow = flows.find((f) => f.Name === route.flowName);
      const association = associations.find(
        (a) => a.ResourceId === number.PhoneNumberId || a.ResourceId === number.PhoneNumberArn,
      );
      const onFlow = flows.find(
        (f) => association && (f.Id === association.FlowId || f.Arn === association.FlowId),
      );
      results.push(
        flow && onFlow?.Id === flow.Id
          ? pass(id, `${e164} → ${route.flowName}`)
          : fail(
              id,
              `${e164} → ${onFlow?.Name ?? association?.FlowId ?? "no flow"}, expected ${route.flowName}`,
              "deploy again (aws_connect_phone_number_contact_flow_association); during a canary the router flow is expected, at 0 % the original entry flow",
            ),
      );
    }
    return results;
  },
};
