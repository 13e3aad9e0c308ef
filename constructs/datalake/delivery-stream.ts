import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchLogStream } from "@cdktf/provider-aws/lib/cloudwatch-log-stream";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { KinesisFirehoseDeliveryStream } from "@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { RemovedFromState, movedFrom } from "../core/addresses";
import { assumeRolePolicy, policyDocument, type PolicyStatement } from "./iam";

/** Account facts a delivery stream needs for names, trust conditions and ARNs. */
export interface AwsEnvironment {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

/** A Kinesis data stream a delivery stream reads from. */
export interface KinesisSource {
  /** ARN of the Kinesis data stream. */
  readonly streamArn: string;
  /** Customer-managed key of the stream, if any; the role gets kms:Decrypt through Kinesis only. @default - AWS managed key (no grant needed) */
  readonly kmsKeyArn?: string;
}

export interface DeliveryStreamProps {
  /** Base of every name, as the original module's project_name (e.g. `connect-comprehensive-ctr`). */
  readonly baseName: string;
  /** ARN of the destination bucket. */
  readonly bucketArn: string;
  /** KMS key of the destination bucket (SSE-KMS), of the error log group and of a Direct PUT buffer. */
  readonly kmsKeyArn: string;
  /** Key prefix in the bucket, ending with "/". */
  readonly prefix: string;
  /** Read from a Kinesis data stream. @default - Direct PUT (EventBridge, CloudWatch Logs, metric streams) */
  readonly source?: KinesisSource;
  /** Buffer size in MB before an object is written. @default 5 */
  readonly bufferingSizeMb?: number;
  /** Seconds to buffer before an object is written. @default 300 */
  readonly bufferingIntervalSeconds?: number;
  /** Days the error log group keeps Firehose delivery errors. @default 7 */
  readonly errorLogRetentionDays?: number;
  /**
   * Append a newline to every record so Athena's JSON SerDe reads one record per line
   * (Connect and EventBridge records carry none). Off for gzip payloads such as CloudWatch Logs.
   * @default true
   */
  readonly appendNewline?: boolean;
  /** Create the role CloudWatch Logs assumes to put subscription data into this stream. @default false */
  readonly acceptsCloudWatchLogs?: boolean;
  /** Account, region and partition. */
  readonly env: AwsEnvironment;
  /**
   * Name of the original resources/firehose module (e.g. `firehose_ctr`): adds `moved` blocks from it,
   * and `removed` blocks (destroying them) for its CloudWatch-Logs role when this stream does not accept logs.
   * @default - a new stream, no moves
   */
  readonly originalModule?: string;
}

/**
 * Firehose delivery to S3 with its error log group, its delivery role and, when it receives CloudWatch
 * Logs subscriptions, the role CloudWatch Logs assumes. Replaces the original resources/firehose module
 * (same names, least-privilege policies: objects only under `prefix`, KMS only through S3/Kinesis).
 */
export class DeliveryStream extends Construct {
  public readonly stream: KinesisFirehoseDeliveryStream;
  public readonly deliveryRole: IamRole;
  public readonly deliveryPolicy: IamPolicy;
  public readonly errorLogGroup: CloudwatchLogGroup;
  /** Role CloudWatch Logs assumes for subscription filters; undefined unless `acceptsCloudWatchLogs`. */
  public readonly cloudWatchLogsRole?: IamRole;
  public readonly streamArn: string;
  public readonly streamName: string;

  constructor(scope: Construct, id: string, props: DeliveryStreamProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9_\-/]*\/$/.test(props.prefix)) {
      throw new Error(
        `${this.node.path}: prefix "${props.prefix}" must be a lower-case S3 prefix ending with "/" (e.g. "ctr/")`,
      );
    }
    const bufferingSizeMb = props.bufferingSizeMb ?? 5;
    const bufferingIntervalSeconds = props.bufferingIntervalSeconds ?? 300;
    const errorLogRetentionDays = props.errorLogRetentionDays ?? 7;
    const appendNewline = props.appendNewline ?? true;
    const acceptsCloudWatchLogs = props.acceptsCloudWatchLogs ?? false;
    const { env, baseName, bucketArn, prefix } = props;
    const streamName = `${baseName}-firehose-logs`;

    this.errorLogGroup = new CloudwatchLogGroup(this, "error_log_group", {
      name: `/aws/kinesisfirehose/${streamName}`,
      retentionInDays: errorLogRetentionDays,
      kmsKeyId: props.kmsKeyArn,
    });
    // Firehose writes to this stream but does not create it when the delivery stream comes from the API.
    const errorLogStream = new CloudwatchLogStream(this, "error_log_stream", {
      name: "DestinationDelivery",
      logGroupName: this.errorLogGroup.name,
    });

    this.deliveryRole = new IamRole(this, "delivery_role", {
      name: `${baseName}-firehose-role`,
      assumeRolePolicy: assumeRolePolicy("firehose.amazonaws.com", env.accountId),
    });
    this.deliveryPolicy = new IamPolicy(this, "delivery_policy", {
      name: `${baseName}-firehose-policy`,
      // The original module's description: it forces a new policy when changed (migration preview).
      description: "Permissions for Firehose to write to S3",
      policy: policyDocument(this.deliveryStatements(props, prefix)),
    });
    const attachment = new IamRolePolicyAttachment(this, "delivery_policy_attachment", {
      role: this.deliveryRole.name,
      policyArn: this.deliveryPolicy.arn,
    });

    this.stream = new KinesisFirehoseDeliveryStream(this, "stream", {
      name: streamName,
      destination: "extended_s3",
      kinesisSourceConfiguration: props.source
        ? { kinesisStreamArn: props.source.streamArn, roleArn: this.deliveryRole.arn }
        : undefined,
      // Encryption at rest of the Firehose buffer, on the stack key (a changed key type is applied in
      // place). A Kinesis source cannot set its own: the stream's encryption applies.
      serverSideEncryption: props.source
        ? undefined
        : { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: props.kmsKeyArn },
      extendedS3Configuration: {
        roleArn: this.deliveryRole.arn,
        bucketArn,
        kmsKeyArn: props.kmsKeyArn,
        prefix: `${prefix}year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/`,
        errorOutputPrefix: `${prefix}errors/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/!{firehose:error-output-type}/`,
        bufferingSize: bufferingSizeMb,
        bufferingInterval: bufferingIntervalSeconds,
        cloudwatchLoggingOptions: {
          enabled: true,
          logGroupName: this.errorLogGroup.name,
          logStreamName: errorLogStream.name,
        },
        processingConfiguration: appendNewline
          ? { enabled: true, processors: [{ type: "AppendDelimiterToRecord" }] }
          : undefined,
      },
      // The role must be able to read the source and write the bucket before Firehose validates them.
      dependsOn: [attachment],
    });

    let logsResources: TerraformResource[] = [];
    if (acceptsCloudWatchLogs) {
      const role = new IamRole(this, "logs_role", {
        name: `${baseName}-cw-to-firehose-role`,
        assumeRolePolicy: policyDocument([
          {
            Effect: "Allow",
            Principal: { Service: `logs.${env.region}.amazonaws.com` },
            Action: "sts:AssumeRole",
            Condition: {
              StringLike: { "aws:SourceArn": `arn:${env.partition}:logs:${env.region}:${env.accountId}:*` },
            },
          },
        ]),
      });
      const policy = new IamPolicy(this, "logs_policy", {
        name: `${baseName}-cw-to-firehose-policy`,
        // No description, as in the original module: a changed description forces a new policy.
        policy: policyDocument([
          {
            Effect: "Allow",
            Action: ["firehose:PutRecord", "firehose:PutRecordBatch"],
            Resource: this.stream.arn,
          },
        ]),
      });
      const logsAttachment = new IamRolePolicyAttachment(this, "logs_policy_attachment", {
        role: role.name,
        policyArn: policy.arn,
      });
      this.cloudWatchLogsRole = role;
      logsResources = [role, policy, logsAttachment];
    }

    if (props.originalModule) {
      const m = `module.${props.originalModule}`;
      movedFrom(this.stream, `${m}.aws_kinesis_firehose_delivery_stream.log_stream`);
      movedFrom(this.errorLogGroup, `${m}.aws_cloudwatch_log_group.firehose_error_logging`);
      movedFrom(this.deliveryRole, `${m}.aws_iam_role.firehose_delivery`);
      movedFrom(this.deliveryPolicy, `${m}.aws_iam_policy.firehose_delivery_policy`);
      movedFrom(attachment, `${m}.aws_iam_role_policy_attachment.attach_firehose_policy`);
      const logsAddresses = [
        `${m}.aws_iam_role.cloudwatch_to_firehose`,
        `${m}.aws_iam_policy.cloudwatch_to_firehose_policy`,
        `${m}.aws_iam_role_policy_attachment.cw_to_firehose_attach`,
      ];
      if (acceptsCloudWatchLogs) {
        logsResources.forEach((resource, i) => movedFrom(resource, logsAddresses[i]));
      } else {
        logsAddresses.forEach(
          (from, i) =>
            new RemovedFromState(this, `removed_logs_${i}`, {
              from,
              reason: `Nothing subscribes CloudWatch Logs to ${streamName}; an unused role that can write to it is removed (least privilege).`,
              destroy: true,
            }),
        );
      }
    }

    this.streamArn = this.stream.arn;
    this.streamName = this.stream.name;
  }

  private deliveryStatements(props: DeliveryStreamProps, prefix: string): PolicyStatement[] {
    const { env, bucketArn } = props;
    const statements: PolicyStatement[] = [
      {
        Sid: "ListBucket",
        Effect: "Allow",
        Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
        Resource: bucketArn,
      },
      {
        Sid: "WriteObjectsUnderPrefix",
        Effect: "Allow",
        Action: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"],
        Resource: `${bucketArn}/${prefix}*`,
      },
      {
        Sid: "EncryptObjectsThroughS3",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: props.kmsKeyArn,
        Condition: {
          StringEquals: { "kms:ViaService": `s3.${env.region}.amazonaws.com` },
          StringLike: { "kms:EncryptionContext:aws:s3:arn": `${bucketArn}*` },
        },
      },
      {
        Sid: "WriteDeliveryErrors",
        Effect: "Allow",
        Action: "logs:PutLogEvents",
        Resource: `${this.errorLogGroup.arn}:*`,
      },
    ];
    if (props.source) {
      statements.push({
        Sid: "ReadSourceStream",
        Effect: "Allow",
        Action: [
          "kinesis:DescribeStream",
          "kinesis:GetShardIterator",
          "kinesis:GetRecords",
          "kinesis:ListShards",
        ],
        Resource: props.source.streamArn,
      });
      if (props.source.kmsKeyArn) {
        statements.push({
          Sid: "DecryptSourceStream",
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: props.source.kmsKeyArn,
          Condition: { StringEquals: { "kms:ViaService": `kinesis.${env.region}.amazonaws.com` } },
        });
      }
    }
    return statements;
  }
}
