import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";
import { movedFrom } from "../core/addresses";
import { topicPolicyDocument } from "./topic-policy";
import type { TopicRef } from "./types";

export interface SecureTopicProps {
  /** Physical topic name. Changing it replaces the topic and drops its subscriptions. */
  readonly topicName: string;
  /** ARN of the customer-managed KMS key that encrypts messages at rest. */
  readonly kmsKeyArn: string;
  /** Account id, for the topic policy's confused-deputy condition. */
  readonly accountId: string;
  /**
   * Email addresses subscribed to the topic (each confirms by email). None is valid.
   * @default []
   */
  readonly emailSubscriptions?: readonly string[];
  /**
   * AWS service principals allowed to publish (e.g. `cloudwatch.amazonaws.com` for alarm actions).
   * The KMS key policy must allow them too: see `keyPolicyStatementsFor`.
   * @default [] - only IAM principals of this account
   */
  readonly publisherServices?: readonly string[];
  /**
   * Name of the original HCL `resources/sns` module (`alarm_sns_topic`); adds `moved` blocks for its
   * topic and subscriptions so state is kept.
   * @default - a new topic, no moved blocks
   */
  readonly movedFromModule?: string;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const SERVICE = /^[a-z0-9.-]+\.amazonaws\.com$/;

/**
 * An SNS topic encrypted with a customer-managed key, a policy that refuses publishes without TLS,
 * and email subscriptions from configuration.
 */
export class SecureTopic extends Construct implements TopicRef {
  public readonly topic: SnsTopic;
  public readonly policy: SnsTopicPolicy;
  /** One instance per email address (for_each keyed by the address). */
  public readonly emailSubscriptions: SnsTopicSubscription;
  public readonly name: string;
  public readonly arn: string;
  /** Service principals allowed to publish; the key owner grants them the KMS key. */
  public readonly publisherServices: readonly string[];

  constructor(scope: Construct, id: string, props: SecureTopicProps) {
    super(scope, id);
    validate(this.node.path, props);

    const emails = [...(props.emailSubscriptions ?? [])];
    this.publisherServices = [...(props.publisherServices ?? [])];

    this.topic = new SnsTopic(this, "topic", { name: props.topicName, kmsMasterKeyId: props.kmsKeyArn });
    this.policy = new SnsTopicPolicy(this, "policy", {
      arn: this.topic.arn,
      policy: topicPolicyDocument({
        topicArn: this.topic.arn,
        publisherServices: this.publisherServices,
        accountId: props.accountId,
      }),
    });
    // Keyed by address so adding or removing one email leaves the others' subscriptions alone.
    const byEmail = TerraformIterator.fromMap(Object.fromEntries(emails.map((email) => [email, email])));
    this.emailSubscriptions = new SnsTopicSubscription(this, "email", {
      forEach: byEmail,
      topicArn: this.topic.arn,
      protocol: "email",
      endpoint: Token.asString(byEmail.value),
    });
    if (props.movedFromModule) {
      movedFrom(this.topic, `module.${props.movedFromModule}.aws_sns_topic.this`);
      movedFrom(this.emailSubscriptions, `module.${props.movedFromModule}.aws_sns_topic_subscription.this`);
    }

    this.name = this.topic.name;
    this.arn = this.topic.arn;
  }
}

function validate(path: string, props: SecureTopicProps): void {
  if (!Token.isUnresolved(props.topicName) && !/^[A-Za-z0-9_-]{1,256}$/.test(props.topicName)) {
    throw new Error(
      `${path}: topicName "${props.topicName}" is not an SNS topic name: use 1-256 letters, digits, _ or -`,
    );
  }
  const emails = props.emailSubscriptions ?? [];
  for (const email of emails) {
    if (!EMAIL.test(email)) {
      throw new Error(
        `${path}: emailSubscriptions entry "${email}" is not an email address: fix or remove it`,
      );
    }
  }
  const duplicate = emails.find((email, i) => emails.indexOf(email) !== i);
  if (duplicate) {
    throw new Error(`${path}: emailSubscriptions lists "${duplicate}" twice: list each address once`);
  }
  for (const service of props.publisherServices ?? []) {
    if (!SERVICE.test(service)) {
      throw new Error(
        `${path}: publisherServices entry "${service}" is not a service principal: use e.g. "cloudwatch.amazonaws.com"`,
      );
    }
  }
  if (props.movedFromModule !== undefined && !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(props.movedFromModule)) {
    throw new Error(
      `${path}: movedFromModule "${props.movedFromModule}" is not an HCL module name: pass e.g. "alarm_sns_topic"`,
    );
  }
}
