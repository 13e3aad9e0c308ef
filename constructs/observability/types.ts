/** Who is told when an alarm changes state. */
export type AlarmRoute = "operations" | "fraud";

export type Statistic = "Sum" | "Average" | "Maximum" | "Minimum" | "SampleCount";

export type ComparisonOperator =
  | "GreaterThanThreshold"
  | "GreaterThanOrEqualToThreshold"
  | "LessThanThreshold"
  | "LessThanOrEqualToThreshold";

/** How an alarm treats periods with no data points. */
export type TreatMissingData = "notBreaching" | "breaching" | "ignore" | "missing";

/** One CloudWatch metric with its statistic and period. */
export interface MetricSpec {
  readonly namespace: string;
  readonly metricName: string;
  readonly statistic: Statistic;
  /** Seconds; a multiple of 60. */
  readonly periodSeconds: number;
  /** Dimension name → value; CloudWatch matches a metric only with its exact dimension set. */
  readonly dimensions?: Readonly<Record<string, string>>;
}

/** A metric-math expression over named metrics (ids are lower-case, used in the expression). */
export interface MetricMathSpec {
  readonly expression: string;
  readonly label: string;
  readonly metrics: Readonly<Record<string, MetricSpec>>;
}

/** One alarm, as data: the Observability construct turns each row into an aws_cloudwatch_metric_alarm. */
export interface AlarmDefinition {
  /** Terraform resource name; the original's name for the original's alarms. */
  readonly address: string;
  /** Appended to the name prefix to form the alarm name. */
  readonly nameSuffix: string;
  readonly description: string;
  /** Topics notified on ALARM and on return to OK. */
  readonly routes: readonly AlarmRoute[];
  readonly source: { readonly metric: MetricSpec } | { readonly math: MetricMathSpec };
  readonly comparison: ComparisonOperator;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly treatMissingData: TreatMissingData;
}
