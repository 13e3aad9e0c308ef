/**
 * Every e-mail the stack subscribes to a topic has confirmed: until the person clicks the link,
 * SNS lists the subscription as PendingConfirmation and delivers nothing to it.
 */
import { ListSubscriptionsByTopicCommand, SNSClient, type Subscription } from "@aws-sdk/client-sns";
import { errorName, fail, pass, skip, type Check, type CheckResult } from "../check";
import type { DeployDayContext } from "../context";
import type { TopicFact } from "../stack-facts";

async function subscriptionsOf(sns: SNSClient, topicArn: string): Promise<Subscription[]> {
  const all: Subscription[] = [];
  let NextToken: string | undefined;
  do {
    // ListSubscriptionsByTopic response: Subscriptions[] (SubscriptionArn "PendingConfirmation" until confirmed), NextToken (SNS API reference).
    const page = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken }));
    all.push(...(page.Subscriptions ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return all;
}

async function topicCheck(ctx: DeployDayContext, topic: TopicFact): Promise<CheckResult> {
  const id = `sns:${topic.name}`;
  const { account, partition } = await ctx.identity();
  const topicArn = `arn:${partition}:sns:${ctx.config.region}:${account}:${topic.name}`;
  let subscriptions: Subscription[];
  try {
    subscriptions = await subscriptionsOf(ctx.aws.client(SNSClient, ctx.config.region), topicArn);
  } catch (error) {
    if (errorName(error) === "NotFoundException")
      return skip(
        id,
        `${topic.name} does not exist yet: this deploy creates it and e-mails ${topic.emails.join(", ")}`,
        "each recipient must click the confirmation link; rerun preflight (or smoke) to see them confirmed",
      );
    throw error;
  }
  const email = (e: string) =>
    subscriptions.filter((s) => s.Protocol === "email" && s.Endpoint?.toLowerCase() === e.toLowerCase());
  const pending = topic.emails.filter(
    (e) => email(e).length > 0 && email(e).every((s) => s.SubscriptionArn === "PendingConfirmation"),
  );
  const missing = topic.emails.filter((e) => email(e).length === 0);
  if (pending.length > 0)
    return fail(
      id,
      `${pending.join(", ")} never confirmed: ${topic.name} delivers nothing to them`,
      `ask each to click the link in the "AWS Notification - Subscription Confirmation" e-mail; resend with aws sns subscribe --topic-arn ${topicArn} --protocol email --notification-endpoint <address>`,
    );
  if (missing.length > 0)
    return skip(
      id,
      `${missing.join(", ")} not subscribed yet: this deploy subscribes them`,
      "after the deploy each must confirm; rerun preflight or smoke to check",
    );
  return pass(id, `${topic.emails.length} e-mail subscription(s) confirmed`);
}

export const subscriptionsCheck: Check<DeployDayContext> = {
  id: "sns-subscriptions",
  title: "every e-mail subscription is confirmed",
  async run(ctx) {
    const topics = ctx.facts.topics().filter((t) => t.emails.length > 0);
    if (topics.length === 0) return skip("sns-subscriptions", "the stack subscribes no e-mail address");
    const results: CheckResult[] = [];
    for (const topic of topics) results.push(await topicCheck(ctx, topic));
    return results;
  },
};
