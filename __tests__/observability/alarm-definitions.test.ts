import { alarmDefinitions, type AlarmInputs } from "../../constructs/observability";
import { configFor } from "../support/synth";

const QUEUES = ["GeneralAgentQueue", "AccountQueue", "FraudQueue"];
const inputs = (env: string, overrides: Partial<AlarmInputs> = {}): AlarmInputs => ({
  config: configFor(env).observability,
  instanceId: "inst-1",
  queueNames: QUEUES,
  primaryQueueName: "GeneralAgentQueue",
  fraudQueueName: "FraudQueue",
  lexFallbackFunctionName: "fn",
  ...overrides,
});
const byAddress = (env: string, overrides: Partial<AlarmInputs> = {}) =>
  Object.fromEntries(alarmDefinitions(inputs(env, overrides)).map((d) => [d.address, d]));

describe("alarmDefinitions", () => {
  const dev = byAddress("dev");

  it("keeps all eight original alarm addresses and adds the guide's error-count alarm", () => {
    for (const address of [
      "hallucination_rate_high",
      "hallucination_rate_medium",
      "lambda_error_rate",
      "bedrock_api_errors",
      "validation_timeouts",
      "queue_size",
      "queue_wait_time",
      "queue_abandonment_rate",
      "lambda_errors",
    ]) {
      expect(dev[address]).toBeDefined();
    }
  });

  it("has one address per alarm", () => {
    const addresses = alarmDefinitions(inputs("dev")).map((d) => d.address);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it("gives the other queues suffixed addresses and the fraud queue the fraud route", () => {
    expect(dev.queue_size_account_queue?.routes).toStrictEqual(["operations"]);
    expect(dev.queue_wait_time_fraud_queue?.routes).toStrictEqual(["fraud", "operations"]);
    expect(dev.queue_size?.nameSuffix).toBe("queue-size-high");
    expect(dev.queue_size_fraud_queue?.nameSuffix).toBe("queue-size-high-FraudQueue");
  });

  it("alarms on queue metrics with InstanceId, MetricGroup=Queue and QueueName", () => {
    expect(dev.queue_wait_time?.source).toStrictEqual({
      metric: {
        namespace: "AWS/Connect",
        metricName: "LongestQueueWaitTime",
        statistic: "Maximum",
        periodSeconds: 300,
        dimensions: { InstanceId: "inst-1", MetricGroup: "Queue", QueueName: "GeneralAgentQueue" },
      },
    });
  });

  it("computes abandonment from contact-record counts, guarding the division", () => {
    const source = dev.queue_abandonment_rate?.source;
    expect(source && "math" in source && source.math.expression).toBe(
      "IF(abandoned + handled > 0, 100 * abandoned / (abandoned + handled), 0)",
    );
    expect(source && "math" in source && source.math.metrics.abandoned).toMatchObject({
      namespace: "ConnectComprehensive/ContactRecords",
      metricName: "ContactsAbandoned",
      dimensions: { InstanceId: "inst-1", QueueName: "GeneralAgentQueue" },
    });
  });

  it("takes thresholds from config, tighter in prod", () => {
    const prod = byAddress("prod");
    expect(dev.queue_size?.threshold).toBe(10);
    expect(prod.queue_size?.threshold).toBe(8);
    expect(dev.queue_wait_time?.threshold).toBe(300);
    expect(prod.queue_wait_time?.threshold).toBe(180);
    expect(prod.queue_wait_time_fraud_queue?.threshold).toBe(60);
    expect(prod.queue_abandonment_rate?.threshold).toBeLessThan(dev.queue_abandonment_rate!.threshold);
    expect(prod.lambda_errors?.threshold).toBeLessThan(dev.lambda_errors!.threshold);
  });

  it("keeps the original's windows for the AI alarms", () => {
    const period = (address: string) => {
      const s = dev[address]?.source;
      return s && "metric" in s ? s.metric.periodSeconds : undefined;
    };
    expect([
      period("hallucination_rate_high"),
      period("hallucination_rate_medium"),
      period("bedrock_api_errors"),
    ]).toStrictEqual([300, 900, 3600]);
  });

  it("adds any-failure fraud alarms when the Lambda's delivery metrics are given", () => {
    const withFailures = byAddress("dev", {
      deliveryFailures: {
        namespace: "NS",
        fraudAlertUndelivered: "FraudAlertUndelivered",
        securityEventUnwritten: "SecurityEventUnwritten",
      },
    });
    expect(withFailures.fraud_alert_undelivered).toMatchObject({
      threshold: 0,
      routes: ["fraud", "operations"],
    });
    expect(withFailures.security_event_unwritten).toBeDefined();
    expect(dev.fraud_alert_undelivered).toBeUndefined();
  });
});
