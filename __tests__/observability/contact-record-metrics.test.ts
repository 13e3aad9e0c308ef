import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { join } from "node:path";
import { AddressedStack } from "../../constructs/core/addresses";
import { zipFromFile } from "../../constructs/lambda/types";
import { ContactRecordMetrics, type ContactRecordMetricsProps } from "../../constructs/observability";
import { skippedMetricLine, type SkipReason } from "../../lambda/ctr_metrics/emf";

const code = zipFromFile(join(__dirname, "../lambda/fixtures/prebuilt.zip"));
const KMS = "arn:aws:kms:eu-west-2:111122223333:key/stack";
const STREAM = "arn:aws:kinesis:eu-west-2:111122223333:stream/connect-comprehensive-ctr-stream";
const STREAM_KEY = "arn:aws:kms:eu-west-2:111122223333:key/stream";
const base: ContactRecordMetricsProps = {
  functionName: "cc-ctr-metrics",
  code,
  kmsKeyArn: KMS,
  streamArn: STREAM,
  countedContactsTable: {
    name: "cc-counted-contacts",
    arn: "arn:aws:dynamodb:eu-west-2:111122223333:table/cc-counted-contacts",
  },
  namespace: "ConnectComprehensive/ContactRecords",
};

function synth(props: Partial<ContactRecordMetricsProps> = {}): Record<string, Record<string, any>> {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-2" });
  new ContactRecordMetrics(stack, "contact_metrics", { ...base, ...props });
  return JSON.parse(Testing.synth(stack, true)).resource;
}

const statements = (r: Record<string, Record<string, any>>) =>
  JSON.parse(r.aws_iam_role_policy!.contact_metrics_lambda_policy!.policy).Statement.map((s: any) => ({
    Sid: s.Sid,
    Action: s.Action,
    Resource: s.Resource,
    ...(s.Condition ? { Condition: s.Condition } : {}),
  }));

describe("ContactRecordMetrics", () => {
  it("maps the contact-record stream to the live alias from LATEST, bisecting failed batches with bounded retries", () => {
    const r = synth();
    expect(r.aws_lambda_event_source_mapping!.contact_metrics_event_source).toStrictEqual({
      event_source_arn: STREAM,
      function_name: "${aws_lambda_alias.contact_metrics_lambda_alias.arn}",
      starting_position: "LATEST",
      batch_size: 100,
      maximum_batching_window_in_seconds: 5,
      bisect_batch_on_function_error: true,
      maximum_retry_attempts: 2,
      maximum_record_age_in_seconds: 21600,
      function_response_types: ["ReportBatchItemFailures"],
      depends_on: ["aws_iam_role_policy.contact_metrics_lambda_policy"],
    });
  });

  it("reads that one stream and creates counted-contact items, nothing else: exact actions, no wildcard, no PutMetricData", () => {
    expect(statements(synth())).toStrictEqual([
      {
        Sid: "WriteOwnLogs",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: ["${aws_cloudwatch_log_group.contact_metrics_lambda_log_group.arn}:*"],
      },
      { Sid: "DecryptEnvironment", Action: ["kms:Decrypt"], Resource: [KMS] },
      {
        Sid: "WriteTraces",
        Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
        Resource: ["*"],
      },
      {
        Sid: "ReadContactRecords",
        Action: [
          "kinesis:DescribeStream",
          "kinesis:DescribeStreamSummary",
          "kinesis:GetRecords",
          "kinesis:GetShardIterator",
          "kinesis:ListShards",
        ],
        Resource: [STREAM],
      },
      {
        Sid: "CountContactsOnce",
        Action: ["dynamodb:PutItem"],
        Resource: [base.countedContactsTable.arn],
      },
    ]);
    const fn = synth().aws_lambda_function!.contact_metrics_lambda_function!;
    expect(fn.environment.variables.COUNTED_CONTACTS_TABLE_NAME).toBe("cc-counted-contacts");
  });

  it("a customer-managed stream key adds kms:Decrypt on that key, only through Kinesis", () => {
    const decrypt = statements(synth({ streamKmsKeyArn: STREAM_KEY })).find(
      (s: any) => s.Sid === "DecryptContactRecords",
    );
    expect(decrypt).toStrictEqual({
      Sid: "DecryptContactRecords",
      Action: ["kms:Decrypt"],
      Resource: [STREAM_KEY],
      Condition: { StringLike: { "kms:ViaService": "kinesis.*.amazonaws.com" } },
    });
  });

  it("passes the namespace the alarms read, and encrypts environment and logs with the stack key", () => {
    const r = synth();
    const fn = r.aws_lambda_function!.contact_metrics_lambda_function!;
    expect(fn.environment.variables).toStrictEqual({
      POWERTOOLS_SERVICE_NAME: "cc-ctr-metrics",
      POWERTOOLS_LOG_LEVEL: "INFO",
      CONTACT_METRICS_NAMESPACE: "ConnectComprehensive/ContactRecords",
      COUNTED_CONTACTS_TABLE_NAME: "cc-counted-contacts",
    });
    expect(fn).toMatchObject({ kms_key_arn: KMS, memory_size: 256, timeout: 30 });
    expect(r.aws_cloudwatch_log_group!.contact_metrics_lambda_log_group).toMatchObject({
      name: "/aws/lambda/cc-ctr-metrics",
      kms_key_id: KMS,
    });
  });

  it("with an alarm topic, alarms when the consumer is more than maxIteratorAgeSeconds behind", () => {
    const topic = "arn:aws:sns:eu-west-2:111122223333:alarms";
    const r = synth({ alarmTopicArn: topic, maxIteratorAgeSeconds: 600 });
    expect(r.aws_cloudwatch_metric_alarm!.contact_metrics_iterator_age).toMatchObject({
      alarm_name: "cc-ctr-metrics-iterator-age",
      namespace: "AWS/Lambda",
      metric_name: "IteratorAge",
      dimensions: { FunctionName: "${aws_lambda_function.contact_metrics_lambda_function.function_name}" },
      statistic: "Maximum",
      threshold: 600_000,
      comparison_operator: "GreaterThanThreshold",
      alarm_actions: [topic],
      ok_actions: [topic],
    });
    // Without a topic, neither alarm.
    expect(synth().aws_cloudwatch_metric_alarm).toBeUndefined();
  });

  it("with an alarm topic, alarms on any record skipped for good, of either reason, in a 5-minute period", () => {
    const topic = "arn:aws:sns:eu-west-2:111122223333:alarms";
    const alarm = synth({ alarmTopicArn: topic }).aws_cloudwatch_metric_alarm!
      .contact_metrics_records_skipped;
    expect(alarm).toMatchObject({
      alarm_name: "cc-ctr-metrics-records-skipped",
      threshold: 0,
      comparison_operator: "GreaterThanThreshold",
      evaluation_periods: 1,
      // No skip writes no data point: quiet periods are OK, not INSUFFICIENT_DATA.
      treat_missing_data: "notBreaching",
      alarm_actions: [topic],
      ok_actions: [topic],
    });
    const [result, ...metrics] = alarm.metric_query;
    // A period with only one reason still sums: FILL gives the other a 0.
    expect(result).toMatchObject({
      expression: "FILL(unreadable, 0) + FILL(unwritable, 0)",
      return_data: true,
    });
    expect(metrics.map((q: any) => q.metric)).toStrictEqual(
      metrics.map((q: any) => ({ ...q.metric, stat: "Sum", period: 300 })),
    );
  });

  it("reads exactly the series the consumer writes for each reason (its own EMF line)", () => {
    const alarm = synth({ alarmTopicArn: "arn:aws:sns:eu-west-2:111122223333:alarms" })
      .aws_cloudwatch_metric_alarm!.contact_metrics_records_skipped;
    const read = alarm.metric_query
      .filter((q: any) => q.metric)
      .map((q: any) => ({
        namespace: q.metric.namespace,
        name: q.metric.metric_name,
        dims: q.metric.dimensions,
      }));
    const written = (["unreadable", "unwritable"] satisfies SkipReason[]).map((reason) => {
      const line = JSON.parse(skippedMetricLine(base.namespace, reason, 2, 0));
      const [directive] = line._aws.CloudWatchMetrics;
      const dims = Object.fromEntries(directive.Dimensions[0].map((d: string) => [d, line[d]]));
      return { namespace: directive.Namespace, name: directive.Metrics[0].Name, dims };
    });
    expect(read).toStrictEqual(written);
  });

  it.each([
    [{ streamArn: "*" }, /streamArn "\*" must be the exact ARN/],
    [{ namespace: "AWS/Connect" }, /namespace "AWS\/Connect" must be non-empty and not start with "AWS\/"/],
    [{ batchSize: 0 }, /batchSize 0 must be a whole number from 1 to 10000/],
    [
      { maximumBatchingWindowSeconds: 301 },
      /maximumBatchingWindowSeconds 301 must be whole seconds from 0 to 300/,
    ],
    [{ maximumRetryAttempts: -1 }, /maximumRetryAttempts -1 must be a whole number from 0 to 10000/],
    [{ maximumRecordAgeSeconds: 30 }, /maximumRecordAgeSeconds 30 must be whole seconds from 60 to 604800/],
  ])("refuses %p, naming the construct", (bad, message) => {
    expect(() => synth(bad)).toThrow(message);
    expect(() => synth(bad)).toThrow(/ContactRecordMetrics at test\/contact_metrics/);
  });
});
