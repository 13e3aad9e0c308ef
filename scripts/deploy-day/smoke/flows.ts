/** Every flow and module of the stack exists in the instance, ACTIVE and PUBLISHED. */
import { ConnectClient, DescribeContactFlowModuleCommand } from "@aws-sdk/client-connect";
import { fail, pass, type Check, type CheckResult } from "../check";
import { instanceId, liveFlows, liveModules, type SmokeContext } from "./context";

export const flowsPublishedCheck: Check<SmokeContext> = {
  id: "flows-published",
  title: "every flow and module is published",
  async run(ctx): Promise<CheckResult> {
    const wanted = ctx.facts.flows();
    const flows = await liveFlows(ctx);
    const modules = await liveModules(ctx);
    const connect = ctx.aws.client(ConnectClient, ctx.config.region);
    const problems: string[] = [];
    for (const fact of wanted) {
      if (fact.type === "MODULE") {
        const summary = modules.find((m) => m.Name === fact.name);
        if (!summary?.Id) {
          problems.push(`module ${fact.name} missing`);
          continue;
        }
        // DescribeContactFlowModule response: ContactFlowModule.State, Status (Connect API reference).
        const { ContactFlowModule: module } = await connect.send(
          new DescribeContactFlowModuleCommand({
            InstanceId: instanceId(ctx),
            ContactFlowModuleId: summary.Id,
          }),
        );
        if (module?.State !== "ACTIVE" || module.Status !== "PUBLISHED")
          problems.push(`module ${fact.name} is ${module?.State ?? "?"}/${module?.Status ?? "?"}`);
        continue;
      }
      // ListContactFlows summary: ContactFlowState ACTIVE | ARCHIVED, ContactFlowStatus PUBLISHED | SAVED (Connect API reference).
      const flow = flows.find((f) => f.Name === fact.name);
      if (!flow) problems.push(`flow ${fact.name} missing`);
      else if (flow.ContactFlowState !== "ACTIVE" || flow.ContactFlowStatus !== "PUBLISHED")
        problems.push(
          `flow ${fact.name} is ${flow.ContactFlowState ?? "?"}/${flow.ContactFlowStatus ?? "?"}`,
        );
    }
    const counts = `${wanted.filter((f) => f.type !== "MODULE").length} flows and ${wanted.filter((f) => f.type === "MODULE").length} module(s)`;
    if (problems.length > 0)
      return fail(
        "flows-published",
        `of ${counts}: ${problems.join("; ")}`,
        "run npx cdktf deploy again and read the aws_connect_contact_flow errors (Connect rejects content it cannot publish)",
      );
    return pass("flows-published", `${counts} ACTIVE and PUBLISHED`);
  },
};
