import { ConnectMetricStream, LogArchive, type LogArchiveProps } from "../../constructs/datalake";
import {
  ENV,
  KMS_KEY,
  unaccountedAddresses,
  devConfig,
  resource,
  statements,
  synth,
  type TfJson,
} from "./synth";
import { forSnapshot } from "../support/snapshot";

const ORIGINAL_LOG_GROUPS = {
  bedrock_mcp_logs: "/aws/lambda/connect-comprehensive-bedrock-mcp",
  lex_logs: "/aws/lex/connect-comprehensive",
  banking_lex_logs: "/aws/lex/connect-comprehensive-banking",
  sales_lex_logs: "/aws/lex/connect-comprehensive-sales",
  banking_lambda_logs: "/aws/lambda/connect-comprehensive-banking",
  sales_lambda_logs: "/aws/lambda/connect-comprehensive-sales",
};

function archive(overrides: Partial<LogArchiveProps> = {}, namespaces?: readonly string[]): TfJson {
  return synth((stack) => {
    const logs = new LogArchive(stack, "log_archive", {
      namePrefix: "connect-comprehensive",
      bucketArn: "arn:aws:s3:::archive",
      kmsKeyArn: KMS_KEY,
      logGroups: ORIGINAL_LOG_GROUPS,
      env: ENV,
      ...overrides,
    });
    new ConnectMetricStream(stack, "metric_stream", {
      namePrefix: "connect-comprehensive",
      namespaces: namespaces ?? devConfig().datalake.metricStreamNamespaces,
      deliveryStreamArn: logs.delivery.streamArn,
      accountId: ENV.accountId,
    });
  });
}

describe("LogArchive", () => {
  const json = archive();

  it("synthesizes a stable document", () => {
    expect(forSnapshot(json)).toMatchSnapshot();
  });

  it("keeps the six subscription filters and the whole log_archive_firehose module", () => {
    const expected = [
      ...Object.keys(ORIGINAL_LOG_GROUPS).map((name) => `aws_cloudwatch_log_subscription_filter.${name}`),
      "module.log_archive_firehose.aws_kinesis_firehose_delivery_stream.log_stream",
      "module.log_archive_firehose.aws_cloudwatch_log_group.firehose_error_logging",
      "module.log_archive_firehose.aws_iam_role.firehose_delivery",
      "module.log_archive_firehose.aws_iam_policy.firehose_delivery_policy",
      "module.log_archive_firehose.aws_iam_role_policy_attachment.attach_firehose_policy",
      "module.log_archive_firehose.aws_iam_role.cloudwatch_to_firehose",
      "module.log_archive_firehose.aws_iam_policy.cloudwatch_to_firehose_policy",
      "module.log_archive_firehose.aws_iam_role_policy_attachment.cw_to_firehose_attach",
      "aws_cloudwatch_metric_stream.connect_metrics",
    ];
    expect(unaccountedAddresses(expected, json)).toEqual([]);
    expect(json.removed ?? []).toEqual([]);
  });

  it("subscribes every event of each log group through the CloudWatch Logs role", () => {
    expect(resource(json, "aws_cloudwatch_log_subscription_filter", "banking_lambda_logs")).toEqual({
      name: "banking-lambda-logs-to-s3",
      log_group_name: "/aws/lambda/connect-comprehensive-banking",
      filter_pattern: "",
      destination_arn: "${aws_kinesis_firehose_delivery_stream.log_archive_delivery_stream.arn}",
      role_arn: "${aws_iam_role.log_archive_delivery_logs_role.arn}",
    });
  });

  it("lets only this region's CloudWatch Logs of this account put records, and nothing else", () => {
    const trust = statements(
      resource(json, "aws_iam_role", "log_archive_delivery_logs_role").assume_role_policy,
    );
    expect(trust).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "logs.eu-west-2.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringLike: { "aws:SourceArn": "arn:aws:logs:eu-west-2:111122223333:*" } },
      },
    ]);
    expect(statements(resource(json, "aws_iam_policy", "log_archive_delivery_logs_policy").policy)).toEqual([
      {
        Effect: "Allow",
        Action: ["firehose:PutRecord", "firehose:PutRecordBatch"],
        Resource: "${aws_kinesis_firehose_delivery_stream.log_archive_delivery_stream.arn}",
      },
    ]);
  });

  it("archives gzip log batches untouched under cloudwatch-logs/", () => {
    const stream = resource(json, "aws_kinesis_firehose_delivery_stream", "log_archive_delivery_stream");
    expect(stream.name).toBe("connect-comprehensive-firehose-logs");
    expect(stream.extended_s3_configuration.processing_configuration).toBeUndefined();
    expect(stream.extended_s3_configuration.prefix.startsWith("cloudwatch-logs/")).toBe(true);
  });

  it("rejects a log group key that is not a Terraform name", () => {
    expect(() => archive({ logGroups: { "Lex-Logs": "/aws/lex/x" } })).toThrow(
      /log_archive: logGroups key "Lex-Logs" must be a snake_case Terraform name/,
    );
  });
});

describe("ConnectMetricStream", () => {
  it("streams the configured namespaces with a role CloudWatch metric streams can assume", () => {
    const json = archive(
      {},
      devConfig({ datalake: { metricStreamNamespaces: ["AWS/Connect", "Custom/Bank"] } }).datalake
        .metricStreamNamespaces,
    );
    const stream = resource(json, "aws_cloudwatch_metric_stream", "connect_metrics");
    expect(stream.include_filter).toEqual([{ namespace: "AWS/Connect" }, { namespace: "Custom/Bank" }]);
    expect(stream.output_format).toBe("json");
    const trust = statements(resource(json, "aws_iam_role", "metric_stream_role").assume_role_policy)[0];
    expect(trust.Principal).toEqual({ Service: "streams.metrics.cloudwatch.amazonaws.com" });
    expect(
      statements(resource(json, "aws_iam_role_policy", "metric_stream_policy").policy)[0].Action,
    ).toEqual(["firehose:PutRecord", "firehose:PutRecordBatch"]);
  });

  it("defaults to the original three namespaces", () => {
    const stream = resource(archive(), "aws_cloudwatch_metric_stream", "connect_metrics");
    expect(stream.include_filter.map((f: { namespace: string }) => f.namespace)).toEqual([
      "AWS/Connect",
      "AWS/Lambda",
      "BedrockValidation",
    ]);
  });

  it("rejects repeated namespaces", () => {
    expect(() => archive({}, ["AWS/Connect", "AWS/Connect"])).toThrow(
      /metric_stream: namespaces .* without repeats/,
    );
  });
});
