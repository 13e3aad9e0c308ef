import { planOffline } from "../../scripts/terraform/offline-plan";
import type { TerraformConfig } from "../../scripts/terraform/offline-view";
import { CACHE_DIR, describeWithEngine, keptResult, realEngine, workDir } from "./support/real-engine";

/** One topic, its aws provider pinned to one account (config accountIds). */
const pinnedStack: TerraformConfig = {
  terraform: { required_providers: { aws: { source: "aws", version: "6.25.0" } } },
  provider: { aws: [{ region: "eu-west-2", allowed_account_ids: ["111122223333"] }] },
  resource: { aws_sns_topic: { alerts: { name: "alerts" } } },
};

/** Terraform's plan of the pinned stack as `accountId` (the STS stub answers as it). */
function planAs(accountId: string): Promise<{ planned: number } | { refused: string }> {
  return keptResult(`account-pin-${accountId}`, { pinnedStack, accountId }, async () => {
    try {
      const result = await planOffline({
        engine: await realEngine(),
        stack: pinnedStack,
        stackDir: workDir(`account-pin-${accountId}-stack`),
        workDir: workDir(`account-pin-${accountId}`),
        cacheDir: CACHE_DIR,
        accountId,
      });
      return { planned: result.plan.resource_changes?.length ?? 0 };
    } catch (error) {
      return { refused: (error as Error).message };
    }
  });
}

describeWithEngine("hashicorp/aws refuses an account the stack is not pinned to", () => {
  it("plans under the pinned account, and fails before any change under another", async () => {
    expect(await planAs("111122223333")).toStrictEqual({ planned: 1 });
    expect(await planAs("210987654321")).toStrictEqual({
      refused: expect.stringContaining("AWS account ID not allowed: 210987654321"),
    });
  }, 300_000);
});
