import { CloudwatchLogSubscriptionFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-subscription-filter";
import { Construct } from "constructs";
import { keepAddress } from "../core/addresses";
import { DeliveryStream, type AwsEnvironment } from "./delivery-stream";

/** Filter names of the original stack (main.tf), by Terraform name. */
const ORIGINAL_FILTER_NAMES: Readonly<Record<string, string>> = {
  bedrock_mcp_logs: "BedrockMCP-to-S3",
  lex_logs: "Lex-to-S3",
  banking_lex_logs: "BankingLex-to-S3",
  sales_lex_logs: "SalesLex-to-S3",
};

export interface LogArchiveProps {
  /** Prefix of every name, as the original's project_name: the stream is `<prefix>-firehose-logs`. */
  readonly namePrefix: string;
  /** ARN of the archive bucket. */
  readonly bucketArn: string;
  /** KMS key (ARN) of the bucket objects and of the Firehose error log group. */
  readonly kmsKeyArn: string;
  /** Key prefix of the archive in the bucket. @default "cloudwatch-logs/" */
  readonly prefix?: string;
  /**
   * Log groups to archive: Terraform name of the subscription filter → log group name. The original's
   * names (bedrock_mcp_logs, lex_logs, banking_lex_logs, sales_lex_logs, banking_lambda_logs,
   * sales_lambda_logs) keep their addresses.
   */
  readonly logGroups: Readonly<Record<string, string>>;
  /** Firehose buffering size in MB. @default 5 */
  readonly bufferingSizeMb?: number;
  /** Firehose buffering interval in seconds. @default 300 */
  readonly bufferingIntervalSeconds?: number;
  /** Days the Firehose error log group keeps delivery errors. @default 7 */
  readonly errorLogRetentionDays?: number;
  /** Account, region and partition (Platform). */
  readonly env: AwsEnvironment;
}

/**
 * Long-term archive of CloudWatch log groups: one Firehose stream to S3 and a subscription filter per
 * log group (all events). Replaces module.log_archive_firehose and the six root subscription filters.
 */
export class LogArchive extends Construct {
  public readonly delivery: DeliveryStream;
  /** Subscription filters by Terraform name. */
  public readonly filters: Readonly<Record<string, CloudwatchLogSubscriptionFilter>>;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    super(scope, id);
    for (const name of Object.keys(props.logGroups)) {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) {
        throw new Error(
          `${this.node.path}: logGroups key "${name}" must be a snake_case Terraform name (e.g. "lex_logs"); it becomes aws_cloudwatch_log_subscription_filter.<key>`,
        );
      }
    }

    this.delivery = new DeliveryStream(this, "delivery", {
      baseName: props.namePrefix,
      bucketArn: props.bucketArn,
      kmsKeyArn: props.kmsKeyArn,
      prefix: props.prefix ?? "cloudwatch-logs/",
      bufferingSizeMb: props.bufferingSizeMb,
      bufferingIntervalSeconds: props.bufferingIntervalSeconds,
      errorLogRetentionDays: props.errorLogRetentionDays,
      // CloudWatch Logs delivers gzip batches: a newline between them would corrupt the files.
      appendNewline: false,
      acceptsCloudWatchLogs: true,
      env: props.env,
      originalModule: "log_archive_firehose",
    });
    const role = this.delivery.cloudWatchLogsRole;
    if (!role) throw new Error(`${this.node.path}: the archive stream has no CloudWatch Logs role`);

    const filters: Record<string, CloudwatchLogSubscriptionFilter> = {};
    for (const [name, logGroupName] of Object.entries(props.logGroups)) {
      filters[name] = keepAddress(
        new CloudwatchLogSubscriptionFilter(this, name, {
          // A changed filter name forces a new filter: the original's names stay.
          name: ORIGINAL_FILTER_NAMES[name] ?? `${name.replace(/_/g, "-")}-to-s3`,
          logGroupName,
          filterPattern: "",
          destinationArn: this.delivery.streamArn,
          roleArn: role.arn,
        }),
        name,
      );
    }
    this.filters = filters;
  }
}
