import { resourcesOf, synthStack } from "../support/synth";

/**
 * The alarms that read custom metrics fire only if something publishes those exact names to those
 * exact namespaces: follow each from the alarm back to the function that writes it.
 */
describe.each(["dev", "prod"])("every custom metric an alarm reads has a publisher (%s)", (env) => {
  const { json } = synthStack(env);
  const r = json.resource!;
  const alarms = r.aws_cloudwatch_metric_alarm as Record<string, any>;
  const functions = r.aws_lambda_function as Record<string, any>;
  const ctrConsumer = functions.contact_metrics_lambda_function;
  const codeHook = functions.lex_fallback_lambda_function;

  it("the abandonment alarms read the namespace the contact-record consumer writes, per InstanceId and QueueName", () => {
    const abandonment = Object.entries(alarms).filter(([name]) => name.startsWith("queue_abandonment_rate"));
    expect(abandonment.length).toBeGreaterThan(1);
    for (const [, alarm] of abandonment) {
      for (const q of alarm.metric_query.filter((m: any) => m.metric)) {
        expect(q.metric.namespace).toBe(ctrConsumer.environment.variables.CONTACT_METRICS_NAMESPACE);
        expect(Object.keys(q.metric.dimensions).sort()).toStrictEqual(["InstanceId", "QueueName"]);
        expect(q.metric.dimensions.InstanceId).toBe("${aws_connect_instance.connect_instance_instance.id}");
      }
    }
  });

  it("the skipped-records alarm reads the namespace the consumer writes, per Reason only", () => {
    const queries = alarms.contact_metrics_records_skipped.metric_query.filter((q: any) => q.metric);
    expect(
      queries.map((q: any) => [q.metric.namespace, q.metric.metric_name, q.metric.dimensions]),
    ).toStrictEqual(
      ["unreadable", "unwritable"].map((reason) => [
        ctrConsumer.environment.variables.CONTACT_METRICS_NAMESPACE,
        "ContactRecordsSkipped",
        { Reason: reason },
      ]),
    );
    expect(alarms.contact_metrics_records_skipped.alarm_actions).toStrictEqual([
      "${aws_sns_topic.alerts_alarms_topic.arn}",
    ]);
  });

  it("the consumer reads the stream Connect writes contact records to", () => {
    const storage = Object.values(r.aws_connect_instance_storage_config as Record<string, any>).find(
      (s) => s.resource_type === "CONTACT_TRACE_RECORDS",
    );
    const [mapping] = Object.values(r.aws_lambda_event_source_mapping as Record<string, any>);
    expect(mapping.event_source_arn).toBe(storage.storage_config.kinesis_stream_config.stream_arn);
    expect(mapping.function_name).toBe("${aws_lambda_alias.contact_metrics_lambda_alias.arn}");
  });

  it("the Bedrock and validation alarms read the namespace the code hook writes", () => {
    for (const name of ["bedrock_api_errors", "validation_timeouts", "hallucination_rate_high"]) {
      expect(alarms[name].namespace).toBe(codeHook.environment.variables.AI_METRICS_NAMESPACE);
    }
  });

  it("the consumer's falling behind is itself alarmed, to the operations topic", () => {
    expect(alarms.contact_metrics_iterator_age).toMatchObject({
      metric_name: "IteratorAge",
      alarm_actions: ["${aws_sns_topic.alerts_alarms_topic.arn}"],
    });
    expect(resourcesOf(json).filter(([t]) => t === "aws_lambda_event_source_mapping")).toHaveLength(1);
  });
});
