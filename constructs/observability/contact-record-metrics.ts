import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { LambdaEventSourceMapping } from "@cdktf/provider-aws/lib/lambda-event-source-mapping";
import { Construct } from "constructs";
import { NodejsLambda } from "../lambda/nodejs-lambda";
import type { LambdaPolicyStatement, LambdaZip, LogRetentionDays } from "../lambda/types";
import { CONTACT_RECORDS_SKIPPED } from "./metrics";

export interface ContactRecordMetricsProps {
  /** Function name. @default "ctr-metrics" */
  readonly functionName?: string;
  /**
   * Name of the function's execution role. IAM is global: the same function in a DR replica
   * Region needs a role of its own name.
   * @default `<functionName>-role`
   */
  readonly roleName?: string;
  /** Bundle of lambda/ctr_metrics (bundleLambda at synth, or a prebuilt zip). */
  readonly code: LambdaZip;
  /** KMS key of the function environment and its log group. */
  readonly kmsKeyArn: string;
  /** ARN of the Kinesis stream Connect writes contact records to (`DataLake.ctrStream.arn`). */
  readonly streamArn: string;
  /**
   * Customer-managed key of that stream: adds kms:Decrypt, only through Kinesis.
   * @default - the AWS managed key (aws/kinesis), whose key policy already lets Kinesis decrypt for readers in the account
   */
  readonly streamKmsKeyArn?: string;
  /**
   * Table remembering counted contacts (hash key `contact_id`, TTL `ttl`; SecurityTables
   * `countedContacts`), so a redelivered batch is not counted twice.
   */
  readonly countedContactsTable: { readonly name: string; readonly arn: string };
  /** Namespace of ContactsHandled / ContactsAbandoned: config `observability.contactMetricsNamespace`. */
  readonly namespace: string;
  /** Records per invocation (1-10000). @default 100 */
  readonly batchSize?: number;
  /** Seconds Lambda gathers records before invoking (0-300): fewer invocations, still well inside a 5-minute period. @default 5 */
  readonly maximumBatchingWindowSeconds?: number;
  /** Retries of a failed batch before it is skipped (0-10000); the handler fails on a crash, a timeout or a counted-contacts write that failed. @default 2 */
  readonly maximumRetryAttempts?: number;
  /** Records older than this are skipped (60-604800 s): a count hours late moves no alarm and must not hold the shard. @default 21600 */
  readonly maximumRecordAgeSeconds?: number;
  /** @default 365 */
  readonly logRetentionDays?: LogRetentionDays;
  /**
   * Topic told when the consumer falls behind (the abandonment alarms would go quiet) or skips a
   * record for good. @default - no alarms
   */
  readonly alarmTopicArn?: string;
  /** Age of the oldest unread record, seconds, that raises that alarm. @default 900 */
  readonly maxIteratorAgeSeconds?: number;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What Lambda's poller calls on the stream for a standard (shared-throughput) consumer. */
export const KINESIS_READ_ACTIONS = [
  "kinesis:DescribeStream",
  "kinesis:DescribeStreamSummary",
  "kinesis:GetRecords",
  "kinesis:GetShardIterator",
  "kinesis:ListShards",
] as const;

function inRange(value: number | undefined, min: number, max: number): boolean {
  return value === undefined || (Number.isInteger(value) && value >= min && value <= max);
}

function validate(at: string, props: ContactRecordMetricsProps): void {
  const fail = (message: string) => {
    throw new Error(`ContactRecordMetrics at ${at}: ${message}`);
  };
  if (props.streamArn.trim() === "" || props.streamArn.includes("*"))
    fail(`streamArn "${props.streamArn}" must be the exact ARN of the contact-record stream`);
  if (props.namespace.trim() === "" || props.namespace.startsWith("AWS/"))
    fail(
      `namespace "${props.namespace}" must be non-empty and not start with "AWS/" (reserved for AWS services)`,
    );
  if (!inRange(props.batchSize, 1, 10000))
    fail(`batchSize ${props.batchSize} must be a whole number from 1 to 10000`);
  if (!inRange(props.maximumBatchingWindowSeconds, 0, 300))
    fail(
      `maximumBatchingWindowSeconds ${props.maximumBatchingWindowSeconds} must be whole seconds from 0 to 300`,
    );
  if (!inRange(props.maximumRetryAttempts, 0, 10000))
    fail(`maximumRetryAttempts ${props.maximumRetryAttempts} must be a whole number from 0 to 10000`);
  if (!inRange(props.maximumRecordAgeSeconds, 60, 604800))
    fail(`maximumRecordAgeSeconds ${props.maximumRecordAgeSeconds} must be whole seconds from 60 to 604800`);
  if (!inRange(props.maxIteratorAgeSeconds, 60, 604800))
    fail(`maxIteratorAgeSeconds ${props.maxIteratorAgeSeconds} must be whole seconds from 60 to 604800`);
}

/**
 * The consumer that makes the queue abandonment alarms real: lambda/ctr_metrics on the Connect
 * contact-record stream, publishing ContactsHandled / ContactsAbandoned per InstanceId and
 * QueueName as EMF. Its role reads that one stream and nothing else (no cloudwatch:PutMetricData:
 * EMF goes through its own log group).
 */
export class ContactRecordMetrics extends Construct {
  public readonly lambda: NodejsLambda;
  public readonly eventSourceMapping: LambdaEventSourceMapping;
  /** Function name, for dashboards and Lambda alarms. */
  public readonly functionName: string;
  /** Fires when the oldest unread contact record is older than maxIteratorAgeSeconds. */
  public readonly iteratorAgeAlarm: CloudwatchMetricAlarm | undefined;
  /** Fires on any contact record skipped for good (ContactRecordsSkipped, either reason). */
  public readonly skippedRecordsAlarm: CloudwatchMetricAlarm | undefined;

  constructor(scope: Construct, id: string, props: ContactRecordMetricsProps) {
    super(scope, id);
    validate(this.node.path, props);

    const functionName = props.functionName ?? "ctr-metrics";
    const batchSize = props.batchSize ?? 100;
    const maximumBatchingWindowSeconds = props.maximumBatchingWindowSeconds ?? 5;
    const maximumRetryAttempts = props.maximumRetryAttempts ?? 2;
    const maximumRecordAgeSeconds = props.maximumRecordAgeSeconds ?? 21600;
    const maxIteratorAgeSeconds = props.maxIteratorAgeSeconds ?? 900;

    const statements: LambdaPolicyStatement[] = [
      { sid: "ReadContactRecords", actions: [...KINESIS_READ_ACTIONS], resources: [props.streamArn] },
      // Create-only: the condition in the code never overwrites a counted contact.
      {
        sid: "CountContactsOnce",
        actions: ["dynamodb:PutItem"],
        resources: [props.countedContactsTable.arn],
      },
      ...(props.streamKmsKeyArn
        ? [
            {
              sid: "DecryptContactRecords",
              actions: ["kms:Decrypt"],
              resources: [props.streamKmsKeyArn],
              // A KMS key lives in one region, so any Kinesis endpoint that can use it is the stream's.
              condition: { StringLike: { "kms:ViaService": "kinesis.*.amazonaws.com" } },
            },
          ]
        : []),
    ];

    this.lambda = new NodejsLambda(this, "Lambda", {
      functionName,
      ...(props.roleName !== undefined ? { roleName: props.roleName } : {}),
      code: props.code,
      // Parses JSON and writes lines: a 100-record batch takes milliseconds.
      memorySize: 256,
      timeout: 30,
      kmsKeyArn: props.kmsKeyArn,
      statements,
      ...(props.logRetentionDays !== undefined ? { logRetentionDays: props.logRetentionDays } : {}),
      ...(props.tags ? { tags: props.tags } : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: functionName,
        POWERTOOLS_LOG_LEVEL: "INFO",
        CONTACT_METRICS_NAMESPACE: props.namespace,
        COUNTED_CONTACTS_TABLE_NAME: props.countedContactsTable.name,
      },
    });
    this.functionName = this.lambda.function.functionName;

    this.eventSourceMapping = new LambdaEventSourceMapping(this, "EventSource", {
      eventSourceArn: props.streamArn,
      // The live alias, like every other caller: a deploy switches the consumer with the alias.
      functionName: this.lambda.aliasArn,
      // Metrics are about now: a new consumer does not replay the stream's retention into old periods.
      startingPosition: "LATEST",
      batchSize,
      maximumBatchingWindowInSeconds: maximumBatchingWindowSeconds,
      // A crash or timeout on a batch is retried in halves, so one poison record cannot stall the shard.
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts,
      maximumRecordAgeInSeconds: maximumRecordAgeSeconds,
      functionResponseTypes: ["ReportBatchItemFailures"],
      // The role's policy must exist before Lambda validates it can read the stream.
      dependsOn: [this.lambda.policy],
    });

    this.iteratorAgeAlarm = props.alarmTopicArn
      ? new CloudwatchMetricAlarm(this, "IteratorAge", {
          alarmName: `${functionName}-iterator-age`,
          alarmDescription: `Contact records are more than ${maxIteratorAgeSeconds} s behind: queue abandonment alarms are reading stale or no data`,
          namespace: "AWS/Lambda",
          metricName: "IteratorAge",
          dimensions: { FunctionName: this.lambda.function.functionName },
          statistic: "Maximum",
          period: 300,
          evaluationPeriods: 1,
          // IteratorAge is in milliseconds.
          threshold: maxIteratorAgeSeconds * 1000,
          comparisonOperator: "GreaterThanThreshold",
          treatMissingData: "notBreaching",
          alarmActions: [props.alarmTopicArn],
          okActions: [props.alarmTopicArn],
        })
      : undefined;

    // Any skip, in one 5-minute period. Normal is none: Connect's records parse and the table takes
    // every item. A skip is final (reporting it would bring it back forever), one contact fewer in
    // the abandonment rates, and its cause (a changed record format, something else writing to the
    // stream, the table refusing items) usually repeats on every record after it: the first is the
    // time to look. Both reasons summed; a period with neither has no data and is OK.
    const reasons = CONTACT_RECORDS_SKIPPED.reasons;
    this.skippedRecordsAlarm = props.alarmTopicArn
      ? new CloudwatchMetricAlarm(this, "RecordsSkipped", {
          alarmName: `${functionName}-records-skipped`,
          alarmDescription:
            "Contact records skipped for good (unreadable, or refused by the counted-contacts table): those contacts are missing from the queue abandonment rates",
          metricQuery: [
            {
              id: "skipped",
              expression: reasons.map((reason) => `FILL(${reason}, 0)`).join(" + "),
              label: "Contact records skipped",
              returnData: true,
            },
            ...reasons.map((reason) => ({
              id: reason,
              returnData: false,
              metric: {
                namespace: props.namespace,
                metricName: CONTACT_RECORDS_SKIPPED.metricName,
                dimensions: { Reason: reason },
                stat: "Sum",
                period: 300,
              },
            })),
          ],
          evaluationPeriods: 1,
          threshold: 0,
          comparisonOperator: "GreaterThanThreshold",
          treatMissingData: "notBreaching",
          alarmActions: [props.alarmTopicArn],
          okActions: [props.alarmTopicArn],
        })
      : undefined;
  }
}
