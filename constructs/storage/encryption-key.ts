import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { movedFrom } from "../core/addresses";
import { type AccountContext, type PolicyStatement, policyJson } from "./types";

/** Services through which account principals may use the key (kms:ViaService). */
export type KeyViaService =
  | "connect"
  | "dynamodb"
  | "s3"
  | "sns"
  | "sqs"
  | "kinesis"
  | "firehose"
  | "lambda"
  | "secretsmanager"
  | "bedrock";

export interface EncryptionKeyProps {
  /** Account, region and partition the key policy is written for. */
  readonly account: AccountContext;
  /** Key description shown in the console. */
  readonly description: string;
  /** Alias name without the `alias/` prefix, e.g. `connect-comprehensive-dev`. */
  readonly aliasName: string;
  /**
   * Services through which principals of this account may use the key. Nobody in the account can
   * call kms:Decrypt directly; data is only readable through these services.
   * @default ["connect", "dynamodb", "s3", "sns"]
   */
  readonly viaServices?: readonly KeyViaService[];
  /**
   * Whether Amazon Connect (service principal) may use the key for recordings and transcripts.
   * @default true
   */
  readonly allowConnect?: boolean;
  /**
   * Whether CloudWatch Logs in this region may encrypt this account's log groups with the key.
   * @default true
   */
  readonly allowCloudWatchLogs?: boolean;
  /**
   * Service principals that publish to SNS topics encrypted with the key (alarms → topic).
   * @default ["cloudwatch.amazonaws.com"]
   */
  readonly topicPublisherServices?: readonly string[];
  /**
   * Service principals that send to SQS queues encrypted with the key as themselves, not on a
   * caller's behalf (EventBridge delivering undeliverable events to a target's dead-letter queue).
   * @default []
   */
  readonly queueSenderServices?: readonly string[];
  /**
   * Days KMS waits before deleting the key after `terraform destroy` (7–30).
   * @default 30
   */
  readonly deletionWindowInDays?: number;
  /**
   * Original state address of the key, e.g. `module.kms_key.aws_kms_key.this`.
   * @default - no moved block
   */
  readonly movedFromAddress?: string;
  /** Provider of the key's region (keys are regional), e.g. Platform.awsUsEast1. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

const ADMIN_ACTIONS = [
  "kms:CreateAlias",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
];
const USE_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:DescribeKey",
];

/**
 * Customer-managed KMS key with yearly rotation and a least-privilege policy: the account administers
 * the key through IAM, but uses it only through the listed services (grants included), and each
 * service principal is pinned to this account.
 */
export class EncryptionKey extends Construct {
  public readonly key: KmsKey;
  public readonly alias: KmsAlias;
  /** Key ARN: what storage configs, SSE settings and log groups reference. */
  public readonly keyArn: string;
  public readonly keyId: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const deletionWindowInDays = props.deletionWindowInDays ?? 30;
    if (!Number.isInteger(deletionWindowInDays) || deletionWindowInDays < 7 || deletionWindowInDays > 30) {
      throw new Error(
        `EncryptionKey at ${this.node.path}: deletionWindowInDays ${deletionWindowInDays} is outside 7–30; pick a whole number of days in that range`,
      );
    }
    if (props.aliasName.startsWith("alias/") || !/^[A-Za-z0-9/_-]{1,250}$/.test(props.aliasName)) {
      throw new Error(
        `EncryptionKey at ${this.node.path}: aliasName "${props.aliasName}" must be letters, digits, /, _ or - without the "alias/" prefix`,
      );
    }

    this.key = new KmsKey(this, "key", {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays,
      policy: policyJson(keyPolicy(props)),
      provider: props.provider,
    });
    if (props.movedFromAddress) movedFrom(this.key, props.movedFromAddress);
    this.alias = new KmsAlias(this, "alias", {
      name: `alias/${props.aliasName}`,
      targetKeyId: this.key.keyId,
      provider: props.provider,
    });
    this.keyArn = this.key.arn;
    this.keyId = this.key.keyId;
  }
}

/**
 * The account administers a key through IAM (without this the key becomes unmanageable), but this
 * statement grants no use of it: encrypt and decrypt need statements of their own.
 */
export function keyAdministrationStatement(
  account: Pick<AccountContext, "accountId" | "partition">,
): PolicyStatement {
  return {
    Sid: "KeyAdministrationThroughIam",
    Effect: "Allow",
    Principal: { AWS: `arn:${account.partition}:iam::${account.accountId}:root` },
    Action: ADMIN_ACTIONS,
    Resource: "*",
  };
}

function keyPolicy(props: EncryptionKeyProps): PolicyStatement[] {
  const { accountId, region, partition } = props.account;
  const root = { AWS: `arn:${partition}:iam::${accountId}:root` };
  const viaServices = props.viaServices ?? ["connect", "dynamodb", "s3", "sns"];
  const publishers = props.topicPublisherServices ?? ["cloudwatch.amazonaws.com"];
  const queueSenders = props.queueSenderServices ?? [];
  const sourceAccount = { StringEquals: { "aws:SourceAccount": accountId } };

  // IAM policies decide which admins may do what.
  const statements: PolicyStatement[] = [keyAdministrationStatement(props.account)];
  if (viaServices.length > 0) {
    statements.push({
      Sid: "UseThroughAccountServices",
      Effect: "Allow",
      Principal: root,
      Action: [...USE_ACTIONS, "kms:CreateGrant"],
      Resource: "*",
      Condition: {
        StringEquals: {
          "kms:CallerAccount": accountId,
          "kms:ViaService": viaServices.map((service) => `${service}.${region}.amazonaws.com`),
        },
      },
    });
  }
  if (props.allowConnect ?? true) {
    statements.push({
      Sid: "ConnectRecordingsAndTranscripts",
      Effect: "Allow",
      Principal: { Service: "connect.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: sourceAccount,
    });
  }
  if (props.allowCloudWatchLogs ?? true) {
    statements.push({
      Sid: "CloudWatchLogsOfThisAccount",
      Effect: "Allow",
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      Resource: "*",
      Condition: {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:log-group:*`,
        },
      },
    });
  }
  if (publishers.length > 0) {
    statements.push({
      Sid: "PublishToEncryptedTopics",
      Effect: "Allow",
      Principal: { Service: [...publishers] },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: sourceAccount,
    });
  }
  if (queueSenders.length > 0) {
    // What SQS asks of a service that sends to an encrypted queue (SQS developer guide).
    statements.push({
      Sid: "SendToEncryptedQueues",
      Effect: "Allow",
      Principal: { Service: [...queueSenders] },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: sourceAccount,
    });
  }
  return statements;
}
