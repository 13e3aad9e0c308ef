import { CloudwatchLogDelivery } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery";
import { CloudwatchLogDeliveryDestination } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-destination";
import { CloudwatchLogDeliverySource } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-source";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { Construct } from "constructs";
import type { LogRetentionDays } from "../lambda/types";
import { type AccountContext, EncryptionKey } from "../storage";

export interface CcpLoggingProps {
  /** Prefix of every name (the original's project_name). */
  readonly namePrefix: string;
  /** ARN of the distribution whose requests are logged. */
  readonly distributionArn: string;
  /** ARN of the web ACL whose evaluations are logged. */
  readonly webAclArn: string;
  /** ARN of the access-log bucket (AccessLogBucket); CloudFront logs go under `cloudfront/`. */
  readonly logBucketArn: string;
  /** Days the WAF log group keeps events. */
  readonly retentionDays: LogRetentionDays;
  /** Account and partition, for the us-east-1 key of the WAF logs. */
  readonly account: AccountContext;
  /** Platform.awsUsEast1: CloudFront log sources and CLOUDFRONT web ACLs exist only there. */
  readonly usEast1Provider: AwsProvider;
  /** Days a scheduled deletion of the WAF logs key waits (config `security.kmsDeletionWindowDays`). @default 30 */
  readonly keyDeletionWindowDays?: number;
}

/**
 * Request logs of the CCP site: CloudFront access logs (standard logging v2, a CloudWatch log
 * delivery into the access-log bucket, which needs no bucket ACLs) and WAF logs in an
 * `aws-waf-logs-` log group in us-east-1, encrypted with a key of that region (the stack key cannot
 * cross regions). Credentials are redacted from WAF logs.
 */
export class CcpLogging extends Construct {
  public readonly wafLogGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: CcpLoggingProps) {
    super(scope, id);
    const provider = props.usEast1Provider;
    const source = new CloudwatchLogDeliverySource(this, "cloudfront_source", {
      provider,
      name: `${props.namePrefix}-ccp-cloudfront`,
      logType: "ACCESS_LOGS",
      resourceArn: props.distributionArn,
    });
    const destination = new CloudwatchLogDeliveryDestination(this, "cloudfront_destination", {
      provider,
      name: `${props.namePrefix}-ccp-access-logs`,
      outputFormat: "json",
      deliveryDestinationConfiguration: [{ destinationResourceArn: `${props.logBucketArn}/cloudfront` }],
    });
    new CloudwatchLogDelivery(this, "cloudfront_delivery", {
      provider,
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.arn,
    });

    const key = new EncryptionKey(this, "waf_logs_key", {
      account: { ...props.account, region: "us-east-1" },
      description: `WAF logs of the ${props.namePrefix} CCP site (us-east-1)`,
      aliasName: `${props.namePrefix}-ccp-waf-logs`,
      viaServices: [],
      allowConnect: false,
      topicPublisherServices: [],
      provider,
      ...(props.keyDeletionWindowDays !== undefined
        ? { deletionWindowInDays: props.keyDeletionWindowDays }
        : {}),
    });
    // WAF requires the aws-waf-logs- prefix on its log destinations.
    this.wafLogGroup = new CloudwatchLogGroup(this, "waf_log_group", {
      provider,
      name: `aws-waf-logs-${props.namePrefix}-ccp`,
      retentionInDays: props.retentionDays,
      kmsKeyId: key.keyArn,
    });
    new Wafv2WebAclLoggingConfiguration(this, "waf_logging", {
      provider,
      resourceArn: props.webAclArn,
      logDestinationConfigs: [this.wafLogGroup.arn],
      redactedFields: [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }],
    });
  }
}
