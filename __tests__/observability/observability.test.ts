import { dashboardBody, Observability } from "../../constructs/observability";
import { fixtureFor, FUNCTION_NAME, INSTANCE_ID, newStack } from "../policies/fixture";
import { configFor } from "../support/synth";
import { forSnapshot } from "../support/snapshot";

const json = fixtureFor("dev");
const alarms = json.resource!.aws_cloudwatch_metric_alarm as Record<string, Record<string, any>>;
const ALARM_TOPIC = "${aws_sns_topic.alerts_alarms_topic.arn}";
const FRAUD_TOPIC = "${aws_sns_topic.alerts_fraud_alerts_topic.arn}";

describe("Observability alarms", () => {
  it("keep the original Terraform names", () => {
    expect(Object.keys(alarms)).toEqual(
      expect.arrayContaining([
        "hallucination_rate_high",
        "lambda_error_rate",
        "queue_size",
        "queue_wait_time",
        "queue_abandonment_rate",
      ]),
    );
  });

  it("send operational alarms to the alarm topic, on ALARM and OK", () => {
    expect(alarms.queue_wait_time).toMatchObject({
      alarm_name: "connect-comprehensive-queue-wait-time-high",
      metric_name: "LongestQueueWaitTime",
      namespace: "AWS/Connect",
      statistic: "Maximum",
      dimensions: { InstanceId: INSTANCE_ID, MetricGroup: "Queue", QueueName: "GeneralAgentQueue" },
      alarm_actions: [ALARM_TOPIC],
      ok_actions: [ALARM_TOPIC],
    });
  });

  it("send fraud-queue and fraud-delivery alarms to the fraud topic too", () => {
    expect(alarms.queue_wait_time_fraud_queue?.alarm_actions).toStrictEqual([FRAUD_TOPIC, ALARM_TOPIC]);
    expect(alarms.fraud_alert_undelivered?.alarm_actions).toStrictEqual([FRAUD_TOPIC, ALARM_TOPIC]);
  });

  it("write metric math as queries with one returned expression", () => {
    const queries = alarms.lambda_error_rate!.metric_query as Array<Record<string, any>>;
    expect(queries.map((q) => [q.id, q.return_data])).toStrictEqual([
      ["result", true],
      ["errors", false],
      ["invocations", false],
    ]);
    expect(queries[1]!.metric).toMatchObject({
      namespace: "AWS/Lambda",
      metric_name: "Errors",
      stat: "Sum",
      dimensions: { FunctionName: FUNCTION_NAME },
    });
    expect(alarms.lambda_error_rate!.metric_name).toBeUndefined();
  });
});

describe("Observability dashboard", () => {
  const dashboard = json.resource!.aws_cloudwatch_dashboard!.main as Record<string, any>;
  const body = JSON.parse(dashboard.dashboard_body as string) as { widgets: Array<Record<string, any>> };
  const metricRows = body.widgets.flatMap((w) =>
    w.type === "metric" ? (w.properties.metrics as unknown[][]) : [],
  );
  const namesIn = (namespace: string) =>
    new Set(metricRows.filter((r) => r[0] === namespace).map((r) => r[1]));

  it("is the original's aws_cloudwatch_dashboard.main", () => {
    expect(dashboard.dashboard_name).toBe("connect-comprehensive-monitoring");
  });

  it("graphs only metrics Connect publishes, with their dimensions", () => {
    expect([...namesIn("AWS/Connect")].sort()).toStrictEqual([
      "CallsPerInterval",
      "ConcurrentCalls",
      "LongestQueueWaitTime",
      "MissedCalls",
      "QueueSize",
      "ThrottledCalls",
    ]);
    const queueRow = metricRows.find((r) => r[1] === "QueueSize" && r.includes("FraudQueue"));
    expect(queueRow?.slice(0, 8)).toStrictEqual([
      "AWS/Connect",
      "QueueSize",
      "InstanceId",
      INSTANCE_ID,
      "MetricGroup",
      "Queue",
      "QueueName",
      "FraudQueue",
    ]);
  });

  it("graphs Lambda errors and duration per function", () => {
    expect([...namesIn("AWS/Lambda")].sort()).toStrictEqual(["Duration", "Errors", "Throttles"]);
    expect(
      metricRows
        .filter((r) => r[0] === "AWS/Lambda")
        .every((r) => r[2] === "FunctionName" && r[3] === FUNCTION_NAME),
    ).toBe(true);
  });

  it("graphs abandonment per queue as a guarded expression over contact-record counts", () => {
    const expressions = metricRows
      .filter((r) => typeof r[0] === "object")
      .map((r) => (r[0] as { expression: string }).expression);
    expect(expressions).toHaveLength(Object.keys(configFor("dev").connect.queues).length);
    expect(expressions[0]).toBe("IF(a0 + h0 > 0, 100 * a0 / (a0 + h0), 0)");
  });

  it("lays widgets out without overlap on the 24-column grid, with a region on every graph", () => {
    const cells = new Set<string>();
    for (const w of body.widgets) {
      expect(w.x + w.width).toBeLessThanOrEqual(24);
      if (w.type === "metric") expect(w.properties.region).toBe("eu-west-2");
      for (let x = w.x; x < w.x + w.width; x++) {
        for (let y = w.y; y < w.y + w.height; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it("shows every alarm in the status widget", () => {
    const status = body.widgets.find((w) => w.type === "alarm");
    expect(status?.properties.alarms).toHaveLength(Object.keys(alarms).length);
  });
});

describe("dashboard: the contact-record counter", () => {
  const inputs = {
    region: "eu-west-2",
    instanceId: INSTANCE_ID,
    queueNames: ["GeneralAgentQueue"],
    functionNames: [FUNCTION_NAME],
    aiMetricsNamespace: "AI",
    contactMetricsNamespace: "ConnectComprehensive/ContactRecords",
    alarmArns: [],
  };
  const widget = (body: string) =>
    (JSON.parse(body) as { widgets: Array<Record<string, any>> }).widgets.find(
      (w) => w.properties.title === "Contact-record counter",
    );

  it("graphs the records it skipped per reason, as the consumer writes them, and how far behind it is", () => {
    const counter = widget(dashboardBody({ ...inputs, contactRecordCounter: "cc-ctr-metrics" }));
    expect(counter?.properties.metrics).toStrictEqual([
      [
        "ConnectComprehensive/ContactRecords",
        "ContactRecordsSkipped",
        "Reason",
        "unreadable",
        { stat: "Sum", label: "Skipped: unreadable" },
      ],
      [
        "ConnectComprehensive/ContactRecords",
        "ContactRecordsSkipped",
        "Reason",
        "unwritable",
        { stat: "Sum", label: "Skipped: unwritable" },
      ],
      [
        "AWS/Lambda",
        "IteratorAge",
        "FunctionName",
        "cc-ctr-metrics",
        { stat: "Maximum", label: "Behind (ms, max)", yAxis: "right" },
      ],
    ]);
  });

  it("is left out where there is no consumer (the DR replica Region)", () => {
    expect(widget(dashboardBody(inputs))).toBeUndefined();
  });
});

describe("Observability props", () => {
  const base = {
    namePrefix: "cc",
    region: "eu-west-2",
    config: configFor("dev").observability,
    connectInstanceId: INSTANCE_ID,
    queueNames: ["GeneralAgentQueue", "FraudQueue"],
    lexFallbackFunctionName: FUNCTION_NAME,
    alarmTopicArn: "arn:alarm",
    fraudTopicArn: "arn:fraud",
  };

  it.each([
    ["no queues", { queueNames: [] }, /queueNames is empty/],
    [
      "a primary queue that is not a queue",
      { primaryQueueName: "Nope" },
      /primaryQueueName "Nope" is not in queueNames \(GeneralAgentQueue, FraudQueue\)/,
    ],
    ["a fraud queue that is not a queue", { fraudQueueName: "Nope" }, /fraudQueueName "Nope"/],
    [
      "the same queue as primary and fraud",
      { fraudQueueName: "GeneralAgentQueue" },
      /both "GeneralAgentQueue"/,
    ],
    [
      "a duplicated queue",
      { queueNames: ["GeneralAgentQueue", "FraudQueue", "FraudQueue"] },
      /"FraudQueue" twice/,
    ],
  ])("rejects %s, naming the construct path", (_case, props, message) => {
    expect(() => new Observability(newStack(), "observability", { ...base, ...props })).toThrow(message);
    expect(() => new Observability(newStack(), "observability", { ...base, ...props })).toThrow(
      /^test\/observability: /,
    );
  });
});

describe("security and observability synthesized JSON", () => {
  it("matches the reviewed snapshot", () => {
    expect(
      forSnapshot(fixtureFor("prod", { security: { alarmEmails: ["ops@bank.example"] } })),
    ).toMatchSnapshot();
  });
});
