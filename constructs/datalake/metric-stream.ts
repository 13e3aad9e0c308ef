import { CloudwatchMetricStream } from "@cdktf/provider-aws/lib/cloudwatch-metric-stream";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { keepAddress } from "../core/addresses";
import { assumeRolePolicy, policyDocument } from "./iam";

export interface ConnectMetricStreamProps {
  /** Prefix of the stream and role names (the original's project_name). */
  readonly namePrefix: string;
  /** CloudWatch namespaces to stream (config `datalake.metricStreamNamespaces`). */
  readonly namespaces: readonly string[];
  /** ARN of the Firehose stream receiving the metrics. */
  readonly deliveryStreamArn: string;
  /** Account id, for the confused-deputy condition of the role. */
  readonly accountId: string;
}

/**
 * CloudWatch metric stream of the contact-centre namespaces into Firehose
 * (`aws_cloudwatch_metric_stream.connect_metrics`). The original reused the CloudWatch Logs role,
 * which trusts logs.<region>.amazonaws.com, so CloudWatch Metrics could not assume it: this stream
 * gets its own role trusted by streams.metrics.cloudwatch.amazonaws.com.
 */
export class ConnectMetricStream extends Construct {
  public readonly stream: CloudwatchMetricStream;
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ConnectMetricStreamProps) {
    super(scope, id);
    const duplicate = props.namespaces.find((ns, i) => props.namespaces.indexOf(ns) !== i);
    if (props.namespaces.length === 0 || duplicate !== undefined) {
      throw new Error(
        `${this.node.path}: namespaces ${JSON.stringify(props.namespaces)} must be a non-empty list without repeats (config datalake.metricStreamNamespaces)`,
      );
    }

    this.role = new IamRole(this, "role", {
      name: `${props.namePrefix}-metric-stream-role`,
      assumeRolePolicy: assumeRolePolicy("streams.metrics.cloudwatch.amazonaws.com", props.accountId),
    });
    new IamRolePolicy(this, "policy", {
      name: "put-into-firehose",
      role: this.role.id,
      policy: policyDocument([
        {
          Effect: "Allow",
          Action: ["firehose:PutRecord", "firehose:PutRecordBatch"],
          Resource: props.deliveryStreamArn,
        },
      ]),
    });
    this.stream = keepAddress(
      new CloudwatchMetricStream(this, "stream", {
        name: `${props.namePrefix}-metric-stream`,
        roleArn: this.role.arn,
        firehoseArn: props.deliveryStreamArn,
        outputFormat: "json",
        includeFilter: props.namespaces.map((namespace) => ({ namespace })),
      }),
      "connect_metrics",
    );
  }
}
