import { Construct } from "constructs";
import { SecureTopic } from "./secure-topic";
import { keyPolicyStatementsFor } from "./topic-policy";
import type { PolicyStatement } from "./types";

/** CloudWatch publishes alarm state changes to both alerting topics. */
const ALARM_PUBLISHERS = ["cloudwatch.amazonaws.com"] as const;

export interface AlertTopicsProps {
  /**
   * Prefix of every topic name (`<prefix>-alarms`). For the environment migrated from the HCL stack
   * it must be the original `var.project_name`, or the moved topics are replaced.
   */
  readonly namePrefix: string;
  /** ARN of the customer-managed KMS key that encrypts all three topics. */
  readonly kmsKeyArn: string;
  /** Account id (topic policy conditions). */
  readonly accountId: string;
  /**
   * Fraud operations addresses (config `security.fraudAlertEmails`).
   * @default []
   */
  readonly fraudAlertEmails?: readonly string[];
  /**
   * Operations on-call addresses for alarms (config `security.alarmEmails`).
   * @default []
   */
  readonly alarmEmails?: readonly string[];
  /**
   * Move the original stack's topics to these (moved blocks). Off for a second set of the same
   * topics in another Region: a state address moves once.
   * @default true
   */
  readonly migrateOriginalState?: boolean;
}

/**
 * The contact centre's SNS topics: fraud alerts (the code-hook Lambda and fraud-queue alarms
 * publish), operational alarms (the original `module.alarm_sns_topic`) and companion-app auth
 * pushes (the original `module.auth_sns_topic`).
 */
export class AlertTopics extends Construct {
  /** Fraud alerts: Lambda publishes reports; fraud-queue alarms notify. New in this stack. */
  public readonly fraudAlerts: SecureTopic;
  /** Operational alarms (moved from `module.alarm_sns_topic`). */
  public readonly alarms: SecureTopic;
  /** Companion-app authentication pushes (moved from `module.auth_sns_topic`). */
  public readonly authPush: SecureTopic;
  /**
   * Statements the KMS key's policy must include so CloudWatch can publish to these encrypted
   * topics. The key belongs to the storage/Connect construct: append these to its policy.
   */
  public readonly keyPolicyStatements: readonly PolicyStatement[];

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(props.namePrefix)) {
      throw new Error(
        `${this.node.path}: namePrefix "${props.namePrefix}" cannot start an SNS topic name: use letters, digits, _ or -`,
      );
    }

    const common = { kmsKeyArn: props.kmsKeyArn, accountId: props.accountId };
    const migrate = props.migrateOriginalState ?? true;
    this.fraudAlerts = new SecureTopic(this, "fraud_alerts", {
      ...common,
      topicName: `${props.namePrefix}-fraud-alerts`,
      emailSubscriptions: props.fraudAlertEmails ?? [],
      publisherServices: ALARM_PUBLISHERS,
    });
    this.alarms = new SecureTopic(this, "alarms", {
      ...common,
      topicName: `${props.namePrefix}-alarms`,
      emailSubscriptions: props.alarmEmails ?? [],
      publisherServices: ALARM_PUBLISHERS,
      ...(migrate ? { movedFromModule: "alarm_sns_topic" } : {}),
    });
    this.authPush = new SecureTopic(this, "auth_push", {
      ...common,
      topicName: `${props.namePrefix}-auth-push`,
      ...(migrate ? { movedFromModule: "auth_sns_topic" } : {}),
    });

    const services = new Set(
      [this.fraudAlerts, this.alarms, this.authPush].flatMap((t) => t.publisherServices),
    );
    this.keyPolicyStatements = keyPolicyStatementsFor([...services], props.accountId);
  }
}
