import { batchMetrics } from "../../lambda/ctr_metrics/batch";
import { base64Json, kinesisEvent, loadCtr } from "../lambda/support/kinesis-events";
import { GROUP_ARN, byAddress, drJson } from "./stack";

const REPLICA = "eu-central-1";
const FUNCTION = "connect-comprehensive-ctr-metrics";
const REPLICA_KEY = "${aws_kms_key.dr_kms_key_key.arn}";
const REPLICA_STREAM = "${aws_kinesis_stream.dr_ctr_stream.arn}";
const REPLICA_TABLE = "${aws_dynamodb_table_replica.dr_counted_contacts_replica.arn}";
const REPLICA_ALARMS_TOPIC = "${aws_sns_topic.dr_alerts_alarms_topic.arn}";

/** What Terraform would put in for the references a record's InstanceARN is built from. */
const DEPLOYED: Readonly<Record<string, string>> = {
  "${data.aws_partition.current.partition}": "aws",
  "${data.aws_caller_identity.current.account_id}": "111122223333",
  "${aws_connect_instance.connect_instance_instance.id}": "8f2c1d7e-0b4a-4c55-9d61-3e7a2b9c4f10",
};
const deployed = (value: string) =>
  Object.entries(DEPLOYED).reduce((text, [reference, real]) => text.split(reference).join(real), value);

interface Statement {
  Sid: string;
  Action: string[];
  Resource: string[];
  Condition?: unknown;
}
const statements = (policy: unknown): Statement[] =>
  (JSON.parse(String(policy)) as { Statement: Statement[] }).Statement;

type Body = Record<string, unknown>;
interface MetricQuery {
  id: string;
  metric?: { namespace: string; metric_name: string; dimensions: Record<string, string> };
}

/**
 * The replica Region's contact-record metrics (docs/disaster-recovery.md): Connect writes a
 * contact's records only to a stream of the Region that handled it, so Frankfurt's calls need a
 * stream and a counter there, or its queue abandonment alarms read nothing.
 */
describe("disaster recovery: contact-record metrics in the replica Region", () => {
  const stage1 = byAddress(drJson());
  const stage2 = byAddress(drJson({ trafficDistributionGroupArn: GROUP_ARN }));
  const get = (address: string, resources = stage2): Body => {
    const body = resources.get(address);
    if (body === undefined) throw new Error(`no ${address} in the DR stack`);
    return body;
  };

  it("keeps the replica's contact records on a stream in the replica Region, encrypted with the replica key", () => {
    const primary = get("aws_kinesis_stream.datalake_kinesis_ctr");
    expect(get("aws_kinesis_stream.dr_ctr_stream")).toStrictEqual({
      name: primary.name,
      shard_count: primary.shard_count,
      retention_period: primary.retention_period,
      stream_mode_details: { stream_mode: "PROVISIONED" },
      encryption_type: "KMS",
      kms_key_id: REPLICA_KEY,
      region: REPLICA,
    });
  });

  it("has the replica instance write its contact records to that stream once the instance exists (stage 2)", () => {
    expect(get("aws_connect_instance_storage_config.dr_ctr_stream_storage")).toStrictEqual({
      // The replica instance: the primary's id in the replica Region.
      instance_id: "${aws_connect_instance.connect_instance_instance.id}",
      region: REPLICA,
      resource_type: "CONTACT_TRACE_RECORDS",
      storage_config: {
        storage_type: "KINESIS_STREAM",
        kinesis_stream_config: { stream_arn: REPLICA_STREAM },
      },
    });
    expect(stage1.has("aws_connect_instance_storage_config.dr_ctr_stream_storage")).toBe(false);
    // The primary instance keeps writing to the primary's stream.
    expect(get("aws_connect_instance_storage_config.ctr_stream").storage_config as Body).toStrictEqual({
      storage_type: "KINESIS_STREAM",
      kinesis_stream_config: { stream_arn: "${aws_kinesis_stream.datalake_kinesis_ctr.arn}" },
    });
  });

  it("counts them with the primary's ctr_metrics bundle under the same function name, on the replica table and key", () => {
    const primary = get("aws_lambda_function.contact_metrics_lambda_function");
    const replica = get("aws_lambda_function.dr_contact_metrics_lambda_function");
    expect(replica).toMatchObject({
      function_name: FUNCTION,
      source_code_hash: primary.source_code_hash,
      kms_key_arn: REPLICA_KEY,
      region: REPLICA,
    });
    const variables = (fn: Body) => (fn.environment as { variables: Record<string, string> }).variables;
    expect(variables(replica)).toStrictEqual({
      ...variables(primary),
      COUNTED_CONTACTS_TABLE_NAME: `\${element(split("/", ${REPLICA_TABLE.slice(2, -1)}), 1)}`,
    });
  });

  it("reads the replica stream through the replica function's live alias, with the primary's partial-batch settings", () => {
    const { event_source_arn, function_name, depends_on, region, ...settings } = get(
      "aws_lambda_event_source_mapping.dr_contact_metrics_event_source",
    );
    expect([event_source_arn, function_name, depends_on, region]).toStrictEqual([
      REPLICA_STREAM,
      "${aws_lambda_alias.dr_contact_metrics_lambda_alias.arn}",
      ["aws_iam_role_policy.dr_contact_metrics_lambda_policy"],
      REPLICA,
    ]);
    const primary = { ...get("aws_lambda_event_source_mapping.contact_metrics_event_source") };
    for (const key of ["event_source_arn", "function_name", "depends_on"]) delete primary[key];
    expect(settings).toStrictEqual(primary);
    expect(settings).toMatchObject({
      function_response_types: ["ReportBatchItemFailures"],
      bisect_batch_on_function_error: true,
    });
  });

  it("gives its execution role a name of its own (IAM is global), allowed only the replica stream, table and key", () => {
    expect(get("aws_iam_role.contact_metrics_lambda_role").name).toBe(`${FUNCTION}-role`);
    expect(get("aws_iam_role.dr_contact_metrics_lambda_role").name).toBe(`${FUNCTION}-role-${REPLICA}`);
    const granted = statements(get("aws_iam_role_policy.dr_contact_metrics_lambda_policy").policy);
    expect(Object.fromEntries(granted.map((s) => [s.Sid, s.Resource]))).toMatchObject({
      ReadContactRecords: [REPLICA_STREAM],
      CountContactsOnce: [REPLICA_TABLE],
      DecryptContactRecords: [REPLICA_KEY],
      DecryptEnvironment: [REPLICA_KEY],
    });
    // Nothing of the primary Region: its stream, tables and key stay the primary counter's.
    const resources = granted.flatMap((s) => s.Resource);
    expect(
      resources.filter((r) => /datalake_kinesis_ctr|aws_dynamodb_table\.|connect_kms_key/.test(r)),
    ).toStrictEqual([]);
  });

  it.each([
    ["dr_contact_metrics_iterator_age", "contact_metrics_iterator_age"],
    ["dr_contact_metrics_records_skipped", "contact_metrics_records_skipped"],
  ])(
    "alarms (%s) to the replica's alarm topic, linking the primary's runbook page %s",
    (replicaAddress, primaryAddress) => {
      const alarm = get(`aws_cloudwatch_metric_alarm.${replicaAddress}`);
      const primary = get(`aws_cloudwatch_metric_alarm.${primaryAddress}`);
      expect(alarm).toMatchObject({
        region: REPLICA,
        alarm_name: primary.alarm_name,
        alarm_actions: [REPLICA_ALARMS_TOPIC],
        ok_actions: [REPLICA_ALARMS_TOPIC],
      });
      expect(alarm.alarm_description).toBe(`eu-central-1 (DR replica): ${String(primary.alarm_description)}`);
      expect(alarm.alarm_description).toMatch(new RegExp(` Runbook: docs/runbooks/${primaryAddress}\\.md$`));
    },
  );

  it("watches the replica function's delay and the skips it writes", () => {
    expect(get("aws_cloudwatch_metric_alarm.dr_contact_metrics_iterator_age").dimensions).toStrictEqual({
      FunctionName: "${aws_lambda_function.dr_contact_metrics_lambda_function.function_name}",
    });
    expect(get("aws_cloudwatch_metric_alarm.dr_contact_metrics_records_skipped").metric_query).toStrictEqual(
      get("aws_cloudwatch_metric_alarm.contact_metrics_records_skipped").metric_query,
    );
  });

  it("reads the replica's abandonment from what its counter writes for a contact Frankfurt handled", () => {
    // A record as Connect writes it for the replica instance, which the storage config names.
    const storage = get("aws_connect_instance_storage_config.dr_ctr_stream_storage");
    const instanceArn = deployed(
      `arn:\${data.aws_partition.current.partition}:connect:${String(storage.region)}:\${data.aws_caller_identity.current.account_id}:instance/${String(storage.instance_id)}`,
    );
    const records = ["abandoned", "handled"].map((name) =>
      base64Json({ ...loadCtr(name), InstanceARN: instanceArn }),
    );
    const replicaEnv = (
      get("aws_lambda_function.dr_contact_metrics_lambda_function").environment as {
        variables: Record<string, string>;
      }
    ).variables;
    const written = batchMetrics(
      kinesisEvent(...records).Records,
      replicaEnv.CONTACT_METRICS_NAMESPACE!,
      Date.now(),
    ).lines.map((line) => {
      const emf = JSON.parse(line) as Record<string, unknown> & {
        _aws: {
          CloudWatchMetrics: Array<{
            Namespace: string;
            Dimensions: string[][];
            Metrics: Array<{ Name: string }>;
          }>;
        };
      };
      const [directive] = emf._aws.CloudWatchMetrics;
      return {
        namespace: directive!.Namespace,
        names: directive!.Metrics.map((m) => m.Name),
        dimensions: Object.fromEntries(directive!.Dimensions[0]!.map((d) => [d, String(emf[d])])),
      };
    });
    expect(written.map((w) => w.dimensions.QueueName).sort()).toStrictEqual([
      "FraudQueue",
      "GeneralAgentQueue",
    ]);

    const abandonment = [...stage2].filter(
      ([address, body]) =>
        address.startsWith("aws_cloudwatch_metric_alarm.dr_observability_queue_abandonment_rate") &&
        body.region === REPLICA,
    );
    expect(abandonment).toHaveLength(5);
    const read = abandonment.flatMap(([, body]) =>
      (body.metric_query as MetricQuery[]).flatMap((q) =>
        q.metric
          ? [
              {
                namespace: q.metric.namespace,
                name: q.metric.metric_name,
                dimensions: Object.fromEntries(
                  Object.entries(q.metric.dimensions).map(([k, v]) => [k, deployed(v)]),
                ),
              },
            ]
          : [],
      ),
    );
    // Every series the counter writes for Frankfurt's contacts is one the replica's alarms read.
    for (const { namespace, names, dimensions } of written)
      for (const name of names) expect(read).toContainEqual({ namespace, name, dimensions });
    // And the alarms read nothing else: no series of theirs that the counter never writes.
    expect(new Set(read.map((r) => `${r.namespace} ${r.name}`))).toStrictEqual(
      new Set(written.flatMap((w) => w.names.map((name) => `${w.namespace} ${name}`))),
    );
  });

  it("graphs the replica's counter (its skips and delay, in the replica Region) on the replica dashboard", () => {
    const body = JSON.parse(
      String(get("aws_cloudwatch_dashboard.dr_observability_dashboard").dashboard_body),
    ) as {
      widgets: Array<{ properties: { title?: string; region?: string; metrics?: unknown[][] } }>;
    };
    const counter = body.widgets.find((w) => w.properties.title === "Contact-record counter");
    expect(counter?.properties.region).toBe(REPLICA);
    expect(counter?.properties.metrics?.map((m) => m.slice(0, 4))).toContainEqual([
      "AWS/Lambda",
      "IteratorAge",
      "FunctionName",
      FUNCTION,
    ]);
  });
});
