/** `--test-alerting`: one test message published to the topic every alarm notifies. */
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { SmokeContext } from "./context";

export const alertingCheck: Check<SmokeContext> = {
  id: "alerting",
  title: "a test message reaches the alarm topic",
  async run(ctx): Promise<CheckResult> {
    const topic = ctx.facts.alarmTopic();
    if (!topic) return skip("alerting", "no alarm notifies a topic");
    if (!ctx.options.testAlerting)
      return skip(
        "alerting",
        `not asked: nothing was sent to ${topic.name}`,
        "rerun with --test-alerting and tell the on-call first",
      );
    const { account, partition } = await ctx.identity();
    const TopicArn = `arn:${partition}:sns:${ctx.config.region}:${account}:${topic.name}`;
    // Publish response: MessageId (SNS API reference).
    const out = await ctx.aws.client(SNSClient, ctx.config.region).send(
      new PublishCommand({
        TopicArn,
        Subject: `[deploy-day smoke] test of ${topic.name} (${ctx.env})`,
        Message: `Test message from npm run smoke (run ${ctx.options.runId}) at ${ctx.now().toISOString()}: alerting works if you read this. No action needed.`,
      }),
    );
    if (!out.MessageId)
      return fail(
        "alerting",
        `SNS accepted no message for ${TopicArn}`,
        "check the topic's KMS key policy allows this principal to publish",
      );
    return pass(
      "alerting",
      `message ${out.MessageId} published to ${topic.name}: ${topic.emails.join(", ") || "its subscribers"} should receive it within minutes`,
    );
  },
};
