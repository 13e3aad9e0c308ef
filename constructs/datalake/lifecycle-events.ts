import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { keepAddress } from "../core/addresses";
import { assumeRolePolicy, policyDocument } from "./iam";

export interface ContactLifecycleEventsProps {
  /** Prefix of the rule and role names (the original's project_name). */
  readonly namePrefix: string;
  /** ARN of the Direct PUT Firehose stream that archives the events. */
  readonly deliveryStreamArn: string;
  /** Only this instance's contacts. @default - every Connect instance in the account and region */
  readonly connectInstanceArn?: string;
  /** Account id, for the confused-deputy condition of the role. */
  readonly accountId: string;
}

/** EventBridge rule sending Amazon Connect contact events to Firehose, at the original addresses. */
export class ContactLifecycleEvents extends Construct {
  public readonly rule: CloudwatchEventRule;
  public readonly target: CloudwatchEventTarget;
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ContactLifecycleEventsProps) {
    super(scope, id);

    this.role = keepAddress(
      new IamRole(this, "role", {
        name: `${props.namePrefix}-eb-firehose-role`,
        assumeRolePolicy: assumeRolePolicy("events.amazonaws.com", props.accountId),
      }),
      "eventbridge_firehose_role",
    );
    keepAddress(
      new IamRolePolicy(this, "policy", {
        name: `${props.namePrefix}-eb-firehose-policy`,
        role: this.role.id,
        policy: policyDocument([
          {
            Effect: "Allow",
            Action: ["firehose:PutRecord", "firehose:PutRecordBatch"],
            Resource: props.deliveryStreamArn,
          },
        ]),
      }),
      "eventbridge_firehose_policy",
    );

    const pattern: Record<string, unknown> = {
      source: ["aws.connect"],
      "detail-type": ["Amazon Connect Contact Event"],
      ...(props.connectInstanceArn ? { detail: { instanceArn: [props.connectInstanceArn] } } : {}),
    };
    this.rule = keepAddress(
      new CloudwatchEventRule(this, "rule", {
        name: `${props.namePrefix}-lifecycle-events`,
        description: "Amazon Connect contact lifecycle events to the data lake",
        eventPattern: JSON.stringify(pattern),
      }),
      "connect_lifecycle",
    );
    this.target = keepAddress(
      new CloudwatchEventTarget(this, "target", {
        rule: this.rule.name,
        targetId: "SendToFirehose",
        arn: props.deliveryStreamArn,
        roleArn: this.role.arn,
        // Firehose throttling is transient: retry for up to a day before the event is lost.
        retryPolicy: { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 },
      }),
      "connect_lifecycle_firehose",
    );
  }
}
