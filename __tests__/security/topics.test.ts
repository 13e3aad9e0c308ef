import { AlertTopics, SecureTopic } from "../../constructs/security";
import { ACCOUNT_ID, fixtureFor, KMS_KEY_ARN, newStack, synthJson } from "../policies/fixture";

const base = { topicName: "cc-alerts", kmsKeyArn: KMS_KEY_ARN, accountId: ACCOUNT_ID };

function topicJson(props: Partial<ConstructorParameters<typeof SecureTopic>[2]> = {}) {
  const stack = newStack();
  new SecureTopic(stack, "alerts", { ...base, ...props });
  return synthJson(stack);
}

describe("SecureTopic", () => {
  it("encrypts with the CMK and denies publishes without TLS", () => {
    const json = topicJson();
    expect(json.resource!.aws_sns_topic!.alerts_topic).toMatchObject({
      name: "cc-alerts",
      kms_master_key_id: KMS_KEY_ARN,
    });
    const policy = JSON.parse(String(json.resource!.aws_sns_topic_policy!.alerts_policy.policy));
    expect(policy.Statement).toStrictEqual([
      {
        Sid: "DenyPublishWithoutTls",
        Effect: "Deny",
        Principal: "*",
        Action: "sns:Publish",
        Resource: "${aws_sns_topic.alerts_topic.arn}",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
  });

  it("lets named services publish for this account only", () => {
    const json = topicJson({ publisherServices: ["cloudwatch.amazonaws.com"] });
    const policy = JSON.parse(String(json.resource!.aws_sns_topic_policy!.alerts_policy.policy));
    expect(policy.Statement[1]).toMatchObject({
      Effect: "Allow",
      Principal: { Service: ["cloudwatch.amazonaws.com"] },
      Action: "sns:Publish",
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT_ID } },
    });
  });

  it("subscribes each configured email, keyed by address; none is valid", () => {
    const some = topicJson({ emailSubscriptions: ["a@bank.test", "b@bank.test"] });
    expect(some.resource!.aws_sns_topic_subscription!.alerts_email).toMatchObject({
      protocol: "email",
      endpoint: "${each.value}",
      for_each: { "a@bank.test": "a@bank.test", "b@bank.test": "b@bank.test" },
    });
    expect(topicJson().resource!.aws_sns_topic_subscription!.alerts_email.for_each).toStrictEqual({});
  });

  it.each([
    ["an invalid email", { emailSubscriptions: ["not-an-email"] }, /emailSubscriptions entry "not-an-email"/],
    ["a duplicate email", { emailSubscriptions: ["a@bank.test", "a@bank.test"] }, /"a@bank.test" twice/],
    [
      "a publisher that is not a service principal",
      { publisherServices: ["cloudwatch"] },
      /publisherServices entry "cloudwatch"/,
    ],
    ["an invalid topic name", { topicName: "a.b" }, /topicName "a.b"/],
  ])("rejects %s", (_case, props, message) => {
    expect(() => topicJson(props)).toThrow(message);
  });
});

describe("AlertTopics", () => {
  const json = fixtureFor("dev", {
    security: { fraudAlertEmails: ["fraud@bank.test"], alarmEmails: ["ops@bank.test"] },
  });

  it("creates fraud, alarm and auth-push topics under the original names", () => {
    const names = Object.values(json.resource!.aws_sns_topic!).map((t) => t.name);
    expect(names.sort()).toStrictEqual([
      "connect-comprehensive-alarms",
      "connect-comprehensive-auth-push",
      "connect-comprehensive-fraud-alerts",
    ]);
  });

  it("moves the original alarm and auth topics and their subscriptions", () => {
    expect(json.moved!.filter((m) => m.from.includes("_sns_topic."))).toStrictEqual([
      { from: "module.alarm_sns_topic.aws_sns_topic.this", to: "aws_sns_topic.alerts_alarms_topic" },
      {
        from: "module.alarm_sns_topic.aws_sns_topic_subscription.this",
        to: "aws_sns_topic_subscription.alerts_alarms_email",
      },
      { from: "module.auth_sns_topic.aws_sns_topic.this", to: "aws_sns_topic.alerts_auth_push_topic" },
      {
        from: "module.auth_sns_topic.aws_sns_topic_subscription.this",
        to: "aws_sns_topic_subscription.alerts_auth_push_email",
      },
    ]);
  });

  it("sends fraud emails to the fraud topic and alarm emails to the alarm topic", () => {
    const subs = json.resource!.aws_sns_topic_subscription!;
    expect(subs.alerts_fraud_alerts_email.for_each).toStrictEqual({ "fraud@bank.test": "fraud@bank.test" });
    expect(subs.alerts_alarms_email.for_each).toStrictEqual({ "ops@bank.test": "ops@bank.test" });
    expect(subs.alerts_auth_push_email.for_each).toStrictEqual({});
  });

  it("states the KMS key-policy grant CloudWatch needs to publish to the encrypted topics", () => {
    const topics = new AlertTopics(newStack(), "alerts", {
      namePrefix: "cc",
      kmsKeyArn: KMS_KEY_ARN,
      accountId: ACCOUNT_ID,
    });
    expect(topics.keyPolicyStatements).toStrictEqual([
      {
        Sid: "AllowServicesToPublishToEncryptedTopics",
        Effect: "Allow",
        Principal: { Service: ["cloudwatch.amazonaws.com"] },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT_ID } },
      },
    ]);
  });
});
