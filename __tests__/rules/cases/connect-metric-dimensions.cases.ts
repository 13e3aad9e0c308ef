import { fragment, type RuleCases } from "../support";

const alarm = (body: Record<string, unknown>) =>
  fragment({ aws_cloudwatch_metric_alarm: { a: { alarm_actions: ["t"], ok_actions: ["t"], ...body } } });
const queueDims = { InstanceId: "i", MetricGroup: "Queue", QueueName: "q" };
const A = "aws_cloudwatch_metric_alarm.a";

export const cases: RuleCases = {
  valid: {
    "queue metric with queue dimensions": {
      json: alarm({ namespace: "AWS/Connect", metric_name: "QueueSize", dimensions: queueDims }),
    },
    "instance metric": {
      json: alarm({
        namespace: "AWS/Connect",
        metric_name: "MissedCalls",
        dimensions: { InstanceId: "i", MetricGroup: "VoiceCalls" },
      }),
    },
    "non-Connect metric without dimensions": {
      json: alarm({ namespace: "Connect/BedrockMCP", metric_name: "BedrockAPIErrors" }),
    },
  },
  invalid: {
    "queue metric without dimensions": {
      json: alarm({ namespace: "AWS/Connect", metric_name: "QueueSize" }),
      findings: [[A, /needs dimensions InstanceId, MetricGroup, QueueName, has none/]],
    },
    "queue metric without QueueName": {
      json: alarm({
        namespace: "AWS/Connect",
        metric_name: "LongestQueueWaitTime",
        dimensions: { InstanceId: "i", MetricGroup: "Queue" },
      }),
      findings: [[A, /QueueName/]],
    },
    "wrong metric group": {
      json: alarm({
        namespace: "AWS/Connect",
        metric_name: "QueueSize",
        dimensions: { ...queueDims, MetricGroup: "VoiceCalls" },
      }),
      findings: [[A, /MetricGroup=Queue/]],
    },
    "metric Connect does not publish (guide's QueueWaitTime)": {
      json: alarm({ namespace: "AWS/Connect", metric_name: "QueueWaitTime" }),
      findings: [[A, /no metric "QueueWaitTime"/]],
    },
    "unpublished metric inside metric math (original abandonment)": {
      json: alarm({
        metric_query: [
          {
            id: "abandoned",
            metric: { namespace: "AWS/Connect", metric_name: "ContactsAbandoned", dimensions: queueDims },
          },
        ],
      }),
      findings: [[A, /metric_query abandoned: .*ContactsAbandoned/]],
    },
  },
};
